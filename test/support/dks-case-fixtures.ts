import { randomUUID } from 'node:crypto';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import type { StartDksCaseInput } from '../../libs/domain/youth/dks-case.types';

export const DKS_OFFICER = { id: 'user-politi-kbh-dks' };

/** A DKS case in Københavns Politi, charged at `triggeredAt`, with the default deadlines. */
export function dksInput(triggeredAt: Date): StartDksCaseInput {
  return {
    caseId: randomUUID(),
    personRef: randomUUID(),
    policeDistrictCode: 'POL-KBH',
    trigger: 'charged',
    triggeredAt: triggeredAt.toISOString(),
    deadlines: defaultDeadlinePolicy(),
    actor: DKS_OFFICER,
  };
}
