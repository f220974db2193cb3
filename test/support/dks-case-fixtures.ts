import { randomUUID } from 'node:crypto';
import { fakeName, fakeYouthCpr } from './demo-people';
import type { UserClient } from './system-under-test';
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

/**
 * Over HTTP, as a DKS officer of Københavns Politi (`dks`): registers a youth (a new one, or the CPR number
 * given) and a DKS case on concerning behaviour observed three days ago; answers the case's id.
 */
export async function startDksCaseOverHttp(dks: UserClient, cpr?: string): Promise<string> {
  const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: cpr ?? (await fakeYouthCpr()) });
  const started = await dks('POST', '/api/dks-cases', {
    personRef: youth.personRef,
    policeDistrictCode: 'POL-KBH',
    trigger: 'concerning_behaviour',
    triggeredAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString(),
  });
  expect(started.status).toBe(201);
  return started.body.id;
}
