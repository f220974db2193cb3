import { randomUUID } from 'node:crypto';
import type { ReadModelRecorder } from '../../activities/read-model.activities';
import type { CaseAction, CaseTransition, CaseType } from '../../libs/domain/case/case-transition';

/**
 * Youth cases for the youth figures, written through the read model's write path as the youth-vocabulary.ts
 * actions describe them: one transition per event, in the order given (the case's `transition_seq`).
 */
export interface YouthEventSpec {
  action: CaseAction;
  at: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface YouthStepSpec {
  kind: 'follow_up_check' | 'network_council_convening';
  dueAt: string;
  /** Completed this many seconds late (0: on time; completed an hour before the deadline), or still open. */
  outcome: { latenessSeconds: number } | 'open';
}

export interface YouthCaseSpec {
  caseType: 'dks_assessment' | 'network_council' | 'concern_letter';
  unit: string;
  personRef: string;
  events: YouthEventSpec[];
  steps?: YouthStepSpec[];
  /** A DKS case moved to another district: its unit now, and the access the first district keeps. */
  movedTo?: { unit: string; formerAccess: 'read' | 'none' };
}

type Change = Omit<CaseTransition, 'caseId' | 'seq'>;

export async function recordYouthCase(recorder: ReadModelRecorder, spec: YouthCaseSpec): Promise<string> {
  const caseId = randomUUID();
  const [first, ...rest] = spec.events;
  const stepIds = (spec.steps ?? []).map(() => randomUUID());
  const event = (item: YouthEventSpec) => ({
    eventId: randomUUID(),
    action: item.action,
    occurredAt: item.at,
    recordedAt: item.at,
    actorId: 'youth-figures-test',
    ...(item.details ? { details: item.details } : {}),
  });
  const changes: Change[] = [
    {
      opened: {
        // `concern_letter` is the concern-letter part's case type (youth-vocabulary.ts); the read model stores any.
        caseType: spec.caseType as CaseType,
        workflowId: `${spec.caseType}-${caseId}`,
        personRef: spec.personRef,
        orgUnit: spec.unit,
        status: 'open',
        openedAt: first.at,
      },
      stepsOpened: (spec.steps ?? []).map((step, index) => ({
        stepId: stepIds[index],
        kind: step.kind,
        openedAt: first.at,
        dueAt: step.dueAt,
      })),
      events: [event(first)],
    },
    ...rest.map((item): Change => ({ events: [event(item)] })),
    ...(spec.steps ?? []).flatMap((step, index): Change[] => {
      if (step.outcome === 'open') return [];
      const lateness = step.outcome.latenessSeconds;
      const at = new Date(Date.parse(step.dueAt) + (lateness ? lateness * 1000 : -3600_000)).toISOString();
      return [
        {
          stepsClosed: [
            {
              stepId: stepIds[index],
              status: 'completed',
              completedAt: at,
              latenessSeconds: lateness,
              outcome: 'done',
            },
          ],
          events: [event({ action: 'step_completed', at, details: { kind: step.kind, latenessSeconds: lateness } })],
        },
      ];
    }),
  ];
  if (spec.movedTo) {
    // The district it moved to is responsible now; the first keeps what `formerAccess` says.
    changes.push({
      orgUnit: spec.movedTo.unit,
      accessChanges: [
        { orgUnit: spec.movedTo.unit, access: 'write' },
        { orgUnit: spec.unit, access: spec.movedTo.formerAccess },
      ],
      events: [],
    });
  }
  for (const [index, change] of changes.entries())
    await recorder.recordTransition({ caseId, seq: index + 1, ...change });
  return caseId;
}

export const KBH = 'POL-KBH';
export const FYN = 'POL-FYN';
export const KOM = 'KOM-0101';

const dks = (
  personRef: string,
  events: YouthCaseSpec['events'],
  extra: Partial<YouthCaseSpec> = {},
): YouthCaseSpec => ({
  caseType: 'dks_assessment',
  unit: KBH,
  personRef,
  events,
  ...extra,
});
const registered = (at: string) => ({ action: 'dks_case_registered' as const, at, details: { trigger: 'charge' } });
const assessed = (at: string, concernConversation: boolean) => ({
  action: 'dks_assessed' as const,
  at,
  details: { concernConversation },
});
const ended = (at: string, outcome: string) => ({ action: 'dks_case_ended' as const, at, details: { outcome } });
const level = (at: string, value: number, previousLevel: number | null = null) => ({
  action: 'case_level_set' as const,
  at,
  details: { level: value, previousLevel },
});
const homeVisit = (at: string) => ({ action: 'home_visit_held' as const, at, details: { withSocialServices: true } });
const followUp = (dueAt: string, outcome: { latenessSeconds: number } | 'open') => ({
  kind: 'follow_up_check' as const,
  dueAt,
  outcome,
});
const initiative = (at: string, initiativeId: string, dueDate: string) => ({
  action: 'council_initiative_agreed' as const,
  at,
  details: { initiativeId, kind: 'school', ownerOrganisation: 'kommune', ownerUnit: KOM, dueDate },
});
const initiativeFollowUp = (at: string, initiativeId: string, outcome: string) => ({
  action: 'council_initiative_followed_up' as const,
  at,
  details: { initiativeId, outcome },
});
const letter = (personRef: string, events: YouthCaseSpec['events']): YouthCaseSpec => ({
  caseType: 'concern_letter',
  unit: KBH,
  personRef,
  events,
});
const proposed = (at: string) => ({
  action: 'concern_letter_proposed' as const,
  at,
  details: { roundId: 'R-2026-1', proposedBy: 'dks', policeDistrictCode: KBH },
});
const decided = (at: string, decision: string) => ({
  action: 'concern_letter_decided' as const,
  at,
  details: { decision, participants: 'eas,dks,ssp', roundId: 'R-2026-1' },
});
const attempt = (at: string, result: string, number: number) => ({
  action: 'concern_letter_delivery_attempted' as const,
  at,
  details: { result, attempt: number },
});

/**
 * The suites' known history (January–March 2026): DKS cases at Københavns Politi (one moved to Fyns Politi),
 * one at Fyns Politi, network councils at Københavns Kommune and concern letters at Københavns Politi, with
 * events just inside and outside the months in Danish time (winter time, and summer time from 29 March).
 */
export const YOUTH_HISTORY: YouthCaseSpec[] = [
  dks(
    'P-YOUTH-1',
    [
      // 00:00 on 1 January in Copenhagen: January.
      registered('2025-12-31T23:00:00Z'),
      assessed('2026-01-02T10:00:00Z', true),
      level('2026-01-02T10:00:00Z', 2),
      {
        action: 'social_services_participation_recorded',
        at: '2026-01-04T10:00:00Z',
        details: { municipalityCode: KOM, participates: true, levelOneCaseRecorded: false },
      },
      homeVisit('2026-01-05T10:00:00Z'),
      level('2026-02-10T10:00:00Z', 3, 2),
    ],
    // Due at the end of 19 January (local midnight): January.
    { steps: [followUp('2026-01-19T23:00:00Z', { latenessSeconds: 0 })] },
  ),
  dks('P-YOUTH-2', [
    // 23:59:59 on 31 December: before the period.
    registered('2025-12-31T22:59:59Z'),
    assessed('2026-01-03T10:00:00Z', true),
    ended('2026-01-10T10:00:00Z', 'declined'),
  ]),
  dks('P-YOUTH-3', [
    registered('2026-02-01T10:00:00Z'),
    assessed('2026-02-01T12:00:00Z', true),
    ended('2026-02-15T10:00:00Z', 'not_reached'),
  ]),
  dks('P-YOUTH-4', [registered('2026-02-02T10:00:00Z'), assessed('2026-02-02T12:00:00Z', false)]),
  dks(
    'P-YOUTH-5',
    [
      registered('2026-01-20T10:00:00Z'),
      {
        action: 'dks_case_moved',
        at: '2026-01-25T10:00:00Z',
        details: { fromPoliceDistrictCode: KBH, toPoliceDistrictCode: FYN },
      },
      assessed('2026-01-26T10:00:00Z', true),
      level('2026-01-26T10:00:00Z', 1),
      homeVisit('2026-02-03T10:00:00Z'),
    ],
    {
      steps: [followUp('2026-02-17T23:00:00Z', { latenessSeconds: 7200 })],
      movedTo: { unit: FYN, formerAccess: 'read' },
    },
  ),
  dks(
    'P-YOUTH-1',
    [registered('2026-01-15T10:00:00Z'), assessed('2026-01-16T10:00:00Z', true), homeVisit('2026-02-24T10:00:00Z')],
    { steps: [followUp('2026-03-10T23:00:00Z', 'open')] },
  ),
  dks(
    'P-YOUTH-6',
    // 00:00 on 1 March (winter time); 23:59:59 on 31 March (summer time).
    [registered('2026-02-28T23:00:00Z'), ended('2026-03-31T21:59:59Z', 'existing_action_plan')],
    {
      steps: [
        // Due at the end of 31 March (local midnight, summer time): March.
        followUp('2026-03-31T22:00:00Z', { latenessSeconds: 0 }),
        followUp('2026-04-01T10:00:00Z', { latenessSeconds: 3600 }),
      ],
    },
  ),
  // 00:00 on 1 April in summer time (22:00 UTC): after the period, though it is still 31 March in UTC.
  dks('P-YOUTH-7', [registered('2026-03-31T22:00:00Z'), assessed('2026-03-31T22:30:00Z', true)]),
  dks(
    'P-YOUTH-12',
    [
      registered('2026-01-05T10:00:00Z'),
      level('2026-01-06T10:00:00Z', 1),
      level('2026-01-07T10:00:00Z', 2, 1),
      // 00:30 on 28 February: February.
      level('2026-02-27T23:30:00Z', 3, 2),
      {
        action: 'adult_handover_decided',
        at: '2026-03-20T10:00:00Z',
        details: { handedOver: true, municipalityCode: KOM },
      },
    ],
    { unit: FYN },
  ),
  {
    caseType: 'network_council',
    unit: KOM,
    personRef: 'P-YOUTH-1',
    events: [
      {
        action: 'network_council_registered',
        at: '2026-01-10T10:00:00Z',
        details: { suspicion: 'charged', documentationVia: 'system' },
      },
      level('2026-01-10T11:00:00Z', 2),
      initiative('2026-01-20T10:00:00Z', 'I-1', '2026-02-10'),
      initiative('2026-01-20T10:00:00Z', 'I-2', '2026-02-05'),
      // 23:30 on 10 February, its due date: in time.
      initiativeFollowUp('2026-02-10T22:30:00Z', 'I-1', 'ongoing'),
      initiativeFollowUp('2026-03-02T10:00:00Z', 'I-1', 'done'),
      // 00:30 on 6 February, the day after its due date: late.
      initiativeFollowUp('2026-02-05T23:30:00Z', 'I-2', 'done'),
      {
        action: 'adult_handover_decided',
        at: '2026-03-05T10:00:00Z',
        details: { handedOver: true, municipalityCode: KOM },
      },
    ],
    steps: [{ kind: 'network_council_convening', dueAt: '2026-01-17T23:00:00Z', outcome: { latenessSeconds: 0 } }],
  },
  {
    caseType: 'network_council',
    unit: KOM,
    personRef: 'P-YOUTH-8',
    // Registered before `documentationVia` existed: outside the system.
    events: [
      { action: 'network_council_registered', at: '2026-02-01T10:00:00Z', details: { suspicion: 'suspected' } },
      {
        action: 'adult_handover_decided',
        at: '2026-03-06T10:00:00Z',
        details: { handedOver: false, municipalityCode: KOM },
      },
    ],
    steps: [{ kind: 'network_council_convening', dueAt: '2026-02-08T23:00:00Z', outcome: { latenessSeconds: 86400 } }],
  },
  letter('P-YOUTH-9', [
    proposed('2026-01-12T10:00:00Z'),
    decided('2026-01-20T10:00:00Z', 'send'),
    attempt('2026-02-01T10:00:00Z', 'not_reached', 1),
    attempt('2026-02-03T10:00:00Z', 'delivered_dialogue', 2),
    {
      action: 'concern_letter_outcome_recorded',
      at: '2026-03-01T10:00:00Z',
      details: { outcome: 'exit_course', exitCourseId: '6f1d2c3b-0000-4000-8000-000000000001' },
    },
  ]),
  letter('P-YOUTH-10', [proposed('2026-01-12T10:00:00Z'), decided('2026-01-20T10:00:00Z', 'not_send')]),
  letter('P-YOUTH-11', [
    proposed('2026-01-13T10:00:00Z'),
    decided('2026-01-20T10:00:00Z', 'send'),
    attempt('2026-02-04T10:00:00Z', 'delivered_no_dialogue', 1),
    attempt('2026-02-05T10:00:00Z', 'delivered_dialogue', 2),
    {
      action: 'concern_letter_outcome_recorded',
      at: '2026-03-02T10:00:00Z',
      details: { outcome: 'dialogue_no_course' },
    },
  ]),
];
