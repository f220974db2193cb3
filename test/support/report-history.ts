import { randomUUID } from 'node:crypto';
import type { ReadModelRecorder } from '../../activities/read-model.activities';
import type { CaseAction, CaseEventRecord, CaseTransition, CaseType } from '../../libs/domain/case/case-transition';
import { DAY_MS } from './exit-course-fixtures';

/**
 * Builds known histories for the figures through the real write path: the transitions a workflow hands
 * the read-model activity, in its order, with the events and details the workflows write.
 */
export const plusDays = (at: string, days: number): string => new Date(Date.parse(at) + days * DAY_MS).toISOString();

export type CourseEnd =
  | { kind: 'inmate' | 'kriminalforsorgen'; at: string; reasonCode?: string }
  /** Released and handed over; `redirected`: declined by the first police unit and handed over again. */
  | {
      kind: 'handed_over';
      at: string;
      redirected?: boolean;
      acceptedAt?: string;
      /** How the exit unit decided (default: continued with the municipality); `pending`: not yet. */
      continuation?: 'with_municipality' | 'municipal_exit_programme' | 'closed' | 'pending';
      police?: PolicePhaseSpec;
    }
  /** A course the police or the municipality started outside prison: its police phase begins at `at`. */
  | { kind: 'outside_prison'; at: string; police?: PolicePhaseSpec };

/** The police phase after a continued handover, as police-phase.types.ts documents its events. */
export interface PolicePhaseSpec {
  /** Moved to another district's exit unit first, which continued the course (`closed`: closed it at once). */
  moved?: { at: string; continuation?: 'with_municipality' | 'closed' };
  end?: { at: string; outcome: 'completed' | 'dropped_out' | 'closed_by_police' | 'new_crime' | 'other' };
  reoffendingCheck?: { at: string; reoffended: boolean };
}

export interface CourseSpec {
  unit: string;
  personRef: string;
  referredAt: string;
  rejectedAt?: string;
  offeredAt?: string;
  agreementAt?: string;
  /** Contacts at or after a handover's release are recorded after it, as the police phase logs them. */
  mentorContacts?: { at: string; minutes: number }[];
  end?: CourseEnd;
  /** `case_started`'s `referralSource`; absent as on courses started before it existed. */
  referralSource?: string;
}

type Change = Omit<CaseTransition, 'caseId' | 'seq'>;

function event(action: CaseAction, at: string, extra: Partial<CaseEventRecord> = {}): CaseEventRecord {
  return { eventId: randomUUID(), action, occurredAt: at, recordedAt: at, actorId: 'report-test-user', ...extra };
}

/** Records one case's transitions in order (seq 1, 2, …); answers the case id. */
async function recordCase(recorder: ReadModelRecorder, changes: Change[]): Promise<string> {
  const caseId = randomUUID();
  for (const [index, change] of changes.entries())
    await recorder.recordTransition({ caseId, seq: index + 1, ...change });
  return caseId;
}

function closed(status: string, at: string, events: CaseEventRecord[]): Change {
  return { status: { status, closedAt: at }, events };
}

function handover(end: Extract<CourseEnd, { kind: 'handed_over' }>): Change[] {
  const release: Change = {
    status: { status: 'awaiting_handover_decision' },
    exitCourseFacts: { releasedAt: end.at, handoverDistrict: 'POL-KBH', releaseMunicipality: 'KOM-0101' },
    accessChanges: [
      { orgUnit: 'KOM-0101', access: 'read' },
      { orgUnit: 'POL-KBH', access: 'write' },
    ],
    events: [
      event('released', end.at, { details: { notReady: null } }),
      event('handed_over', end.at, { details: { policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101' } }),
    ],
  };
  const redirect: Change[] = end.redirected
    ? [
        {
          status: { status: 'handover_declined' },
          events: [
            event('handover_declined', plusDays(end.at, 1), {
              reason: 'Ikke vores distrikt.',
              details: { policeDistrictCode: 'POL-KBH' },
            }),
          ],
        },
        {
          status: { status: 'awaiting_handover_decision' },
          exitCourseFacts: { handoverDistrict: 'POL-FYN' },
          accessChanges: [{ orgUnit: 'POL-FYN', access: 'write' }],
          events: [event('handed_over', plusDays(end.at, 2), { details: { policeDistrictCode: 'POL-FYN' } })],
        },
      ]
    : [];
  const acceptedAt = end.acceptedAt ?? plusDays(end.at, 3);
  const continuation = end.continuation ?? 'with_municipality';
  if (continuation === 'pending') return [release, ...redirect];
  if (continuation === 'closed')
    return [
      release,
      ...redirect,
      closed('handed_over_closed', acceptedAt, [
        event('handover_accepted', acceptedAt, { reasonCode: 'not_reachable', details: { continuation } }),
      ]),
    ];
  const accepted = event('handover_accepted', acceptedAt, { details: { continuation } });
  if (!end.police) return [release, ...redirect, closed('handed_over_continued', acceptedAt, [accepted])];
  return [
    release,
    ...redirect,
    {
      status: { status: 'police_course_active' },
      events: [
        accepted,
        event('police_course_started', acceptedAt, { details: { policeDistrictCode: 'POL-KBH', via: 'handover' } }),
      ],
    },
    ...policePhase(end.police),
  ];
}

function policePhase(police: PolicePhaseSpec): Change[] {
  const changes: Change[] = [];
  if (police.moved) {
    const { at, continuation = 'with_municipality' } = police.moved;
    const decidedAt = plusDays(at, 2);
    changes.push(
      {
        status: { status: 'awaiting_handover_decision' },
        exitCourseFacts: { handoverDistrict: 'POL-FYN' },
        accessChanges: [{ orgUnit: 'POL-FYN', access: 'write' }],
        events: [
          event('police_course_ended', at, {
            reasonCode: 'other',
            reason: 'Flyttet til Fyn.',
            details: { outcome: 'moved', policeDistrictCode: 'POL-KBH', toPoliceDistrictCode: 'POL-FYN' },
          }),
          event('handed_over', at, { details: { policeDistrictCode: 'POL-FYN' } }),
        ],
      },
      continuation === 'closed'
        ? closed('handed_over_closed', decidedAt, [
            event('handover_accepted', decidedAt, { reasonCode: 'not_reachable', details: { continuation } }),
          ])
        : {
            status: { status: 'police_course_active' },
            events: [
              event('handover_accepted', decidedAt, { details: { continuation } }),
              event('police_course_started', decidedAt, {
                details: { policeDistrictCode: 'POL-FYN', via: 'handover' },
              }),
            ],
          },
    );
  }
  if (police.end)
    changes.push(
      closed('police_course_ended', police.end.at, [
        event('police_course_ended', police.end.at, {
          reasonCode: 'other',
          reason: 'Afsluttet.',
          details: { outcome: police.end.outcome, policeDistrictCode: police.moved ? 'POL-FYN' : 'POL-KBH' },
        }),
      ]),
    );
  if (police.reoffendingCheck)
    changes.push({
      events: [
        event('reoffending_checked', police.reoffendingCheck.at, {
          details: { reoffended: police.reoffendingCheck.reoffended },
        }),
      ],
    });
  return changes;
}

export function recordExitCourse(recorder: ReadModelRecorder, spec: CourseSpec): Promise<string> {
  const changes: Change[] = [
    {
      opened: {
        caseType: 'exit_course',
        workflowId: `exit-course-${randomUUID()}`,
        personRef: spec.personRef,
        orgUnit: spec.unit,
        status: 'awaiting_suitability_assessment',
        openedAt: spec.referredAt,
        exitCourse: { expectedReleaseDate: '2030-01-01', paroleLinked: false },
      },
      events: [
        event('case_started', spec.referredAt, {
          details: {
            institutionCode: spec.unit,
            paroleLinked: false,
            ...(spec.referralSource ? { referralSource: spec.referralSource } : {}),
          },
        }),
      ],
    },
  ];
  if (spec.rejectedAt) {
    changes.push(
      closed('rejected', spec.rejectedAt, [event('suitability_rejection', spec.rejectedAt, { reason: 'Ikke egnet.' })]),
    );
  }
  const offeredAt = spec.offeredAt ?? (spec.agreementAt && plusDays(spec.referredAt, 1));
  if (offeredAt)
    changes.push({
      status: { status: 'awaiting_agreement_signature' },
      events: [event('suitability_offer', offeredAt)],
    });
  if (spec.agreementAt)
    changes.push({ status: { status: 'agreement_active' }, events: [event('agreement_signed', spec.agreementAt)] });
  const releasedAt = spec.end?.kind === 'handed_over' ? Date.parse(spec.end.at) : Infinity;
  const contacts = spec.mentorContacts ?? [];
  changes.push(...contacts.filter((contact) => Date.parse(contact.at) < releasedAt).map(mentorContact));
  if (spec.end?.kind === 'handed_over') changes.push(...handover(spec.end));
  else if (spec.end?.kind === 'outside_prison')
    changes.push(
      {
        status: { status: 'police_course_active' },
        events: [
          event('police_course_started', spec.end.at, { details: { policeDistrictCode: spec.unit, via: 'agreement' } }),
        ],
      },
      ...policePhase(spec.end.police ?? {}),
    );
  else if (spec.end) {
    changes.push(
      closed(`interrupted_by_${spec.end.kind}`, spec.end.at, [
        event('course_interrupted', spec.end.at, {
          reason: 'Afbrudt.',
          ...(spec.end.reasonCode ? { reasonCode: spec.end.reasonCode } : {}),
          details: { by: spec.end.kind },
        }),
      ]),
    );
  }
  changes.push(...contacts.filter((contact) => Date.parse(contact.at) >= releasedAt).map(mentorContact));
  return recordCase(recorder, changes);
}

function mentorContact(contact: { at: string; minutes: number }): Change {
  const contactId = randomUUID();
  return {
    mentorContacts: [
      {
        contactId,
        contactAt: contact.at,
        form: 'meeting',
        durationMinutes: contact.minutes,
        mentorRef: 'MENTOR-0001',
      },
    ],
    events: [
      event('mentor_contact_logged', contact.at, {
        details: { contactId, form: 'meeting', durationMinutes: contact.minutes },
      }),
    ],
  };
}

export interface StepSpec {
  caseType: CaseType;
  unit: string;
  kind:
    | 'dks_assessment'
    | 'follow_up_check'
    | 'network_council_convening'
    | 'suitability_assessment'
    | 'agreement_signing'
    | 'mentor_assignment';
  dueAt: string;
  /** Completed this many seconds late (0: on time), cancelled, or still open. */
  outcome: { latenessSeconds: number } | 'cancelled' | 'open';
}

/** A youth case holding one step of a kind, with its deadline and how it ended. */
const OPENING_STATUS: Record<CaseType, string> = {
  exit_course: 'awaiting_suitability_assessment',
  dks_assessment: 'awaiting_assessment',
  network_council: 'awaiting_convening',
  concern_letter: 'awaiting_committee',
  access_request: 'received',
};

export function recordStep(recorder: ReadModelRecorder, spec: StepSpec): Promise<string> {
  const stepId = randomUUID();
  const openedAt = plusDays(spec.dueAt, -1);
  const changes: Change[] = [
    {
      opened: {
        caseType: spec.caseType,
        workflowId: `${spec.caseType}-${randomUUID()}`,
        personRef: `P-REPORT-${randomUUID()}`,
        orgUnit: spec.unit,
        status: OPENING_STATUS[spec.caseType],
        openedAt,
        ...(spec.caseType === 'exit_course'
          ? { exitCourse: { expectedReleaseDate: '2030-01-01', paroleLinked: false } }
          : {}),
      },
      stepsOpened: [{ stepId, kind: spec.kind, openedAt, dueAt: spec.dueAt }],
      events: [event('step_opened', openedAt, { stepId, details: { kind: spec.kind, dueAt: spec.dueAt } })],
    },
  ];
  if (spec.outcome !== 'open') {
    const cancelled = spec.outcome === 'cancelled';
    const latenessSeconds = spec.outcome === 'cancelled' ? undefined : spec.outcome.latenessSeconds;
    // On time (or cancelled): an hour before the deadline; late: the lateness after it.
    const at = new Date(Date.parse(spec.dueAt) + (latenessSeconds ? latenessSeconds * 1000 : -3600_000)).toISOString();
    changes.push({
      stepsClosed: [
        {
          stepId,
          status: cancelled ? 'cancelled' : 'completed',
          completedAt: at,
          latenessSeconds,
          outcome: cancelled ? undefined : 'done',
        },
      ],
      events: [
        event(cancelled ? 'step_cancelled' : 'step_completed', at, {
          stepId,
          details: { kind: spec.kind, latenessSeconds: latenessSeconds ?? 0 },
        }),
      ],
    });
  }
  return recordCase(recorder, changes);
}

/** Exit-course figures with nothing counted, to spread the expected values over. */
export const NO_EXIT_COURSE_FIGURES = {
  agreementsEntered: 0,
  personsWithAgreement: 0,
  handedOver: 0,
  continuedByPolice: 0,
  interruptedByInmate: 0,
  interruptedByKriminalforsorgen: 0,
  rejected: 0,
  stillOpen: 0,
  personsWithMoreThanOneAgreement: 0,
  mentorMinutesTotal: 0,
  mentorHoursTotal: 0,
  mentorPersons: 0,
  mentorHoursMeanPerPerson: 0,
  mentorHoursMedianPerPerson: 0,
};
