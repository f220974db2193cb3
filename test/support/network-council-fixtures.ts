import { randomUUID } from 'node:crypto';
import type { Actor } from '../../libs/domain/case/actor';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import type { StartNetworkCouncilInput } from '../../libs/domain/youth/network-council.types';

/** A network council in Københavns Kommune, the police's documentation received at `receivedAt`. */
export function networkCouncilInput(receivedAt: Date, actor: Actor): StartNetworkCouncilInput {
  return {
    caseId: randomUUID(),
    personRef: randomUUID(),
    municipalityCode: 'KOM-0101',
    suspicion: 'charged',
    documentationReceivedAt: receivedAt.toISOString(),
    deadlines: defaultDeadlinePolicy(),
    actor,
  };
}

/** An agreement's owner (a unit of its organisation) and due date, as the action plan needs them. */
export function owned(ownerUnit: string, dueDate: string) {
  const ownerOrganisation = ownerUnit.startsWith('POL-')
    ? 'politi'
    : ownerUnit.startsWith('KF-')
      ? 'kriminalforsorgen'
      : 'kommune';
  return { ownerOrganisation, ownerUnit, dueDate } as const;
}
