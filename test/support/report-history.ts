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
  | { kind: 'inmate' | 'kriminalforsorgen'; at: string }
  /** Released and handed over; `redirected`: declined by the first police unit and handed over again. */
  | { kind: 'handed_over'; at: string; redirected?: boolean; acceptedAt?: string };

export interface CourseSpec {
  unit: string;
  personRef: string;
  referredAt: string;
  rejectedAt?: string;
  offeredAt?: string;
  agreementAt?: string;
  mentorContacts?: { at: string; minutes: number }[];
  end?: CourseEnd;
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
  return [
    release,
    ...redirect,
    closed('handed_over_continued', acceptedAt, [
      event('handover_accepted', acceptedAt, { details: { continuation: 'with_municipality' } }),
    ]),
  ];
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
        event('case_started', spec.referredAt, { details: { institutionCode: spec.unit, paroleLinked: false } }),
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
  for (const contact of spec.mentorContacts ?? []) {
    const contactId = randomUUID();
    changes.push({
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
    });
  }
  if (spec.end?.kind === 'handed_over') changes.push(...handover(spec.end));
  else if (spec.end) {
    changes.push(
      closed(`interrupted_by_${spec.end.kind}`, spec.end.at, [
        event('course_interrupted', spec.end.at, { reason: 'Afbrudt.', details: { by: spec.end.kind } }),
      ]),
    );
  }
  return recordCase(recorder, changes);
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
