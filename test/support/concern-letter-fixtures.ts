import { randomUUID } from 'node:crypto';
import type { StartConcernLetterInput } from '../../libs/domain/concern-letter/concern-letter.types';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';

export const EAS_ANALYST = { id: 'user-politi-kbh-eas' };
export const COMMITTEE_MEMBER = { id: 'user-politi-kbh-udvalg' };
export const EXIT_OFFICER = { id: 'user-politi-kbh-exit' };

/** A candidate proposed by police intelligence in Københavns Politi at `proposedAt`, decided by `committeeDueAt`. */
export function concernLetterInput(proposedAt: Date, committeeDueAt: Date): StartConcernLetterInput {
  return {
    caseId: randomUUID(),
    personRef: randomUUID(),
    roundId: randomUUID(),
    policeDistrictCode: 'POL-KBH',
    proposedBy: 'police_intelligence',
    proposingUnitCode: 'POL-KBH',
    proposedAt: proposedAt.toISOString(),
    committeeDueAt: committeeDueAt.toISOString(),
    deadlines: defaultDeadlinePolicy(),
    warningWindows: {
      committee_decision: 168,
      letter_delivery: 168,
      parents_contact: 72,
      concern_letter_follow_up: 168,
    },
    actor: EAS_ANALYST,
  };
}
