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
