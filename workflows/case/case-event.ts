import { uuid4 } from '@temporalio/workflow';
import type { CaseEventRecord } from '../../libs/domain/case/case-transition';
import type { Actor } from '../../libs/domain/case/actor';

/** An audit-trail entry with a deterministic id (workflow uuid) and the workflow's time as recorded-at. */
export function caseEvent(
  action: CaseEventRecord['action'],
  occurredAt: string,
  actor: Actor,
  extra: Pick<CaseEventRecord, 'reason' | 'reasonCode' | 'stepId' | 'details'> = {},
): CaseEventRecord {
  return { eventId: uuid4(), action, occurredAt, recordedAt: new Date().toISOString(), actorId: actor.id, ...extra };
}
