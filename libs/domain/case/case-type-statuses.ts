import { EXIT_COURSE_STATUS } from '../exit-course/exit-course.types';
import { DKS_CASE_STATUS } from '../youth/dks-case.types';
import { NETWORK_COUNCIL_STATUS } from '../youth/network-council.types';
import { CONCERN_LETTER_STATUS } from '../concern-letter/concern-letter.types';
import { ACCESS_REQUEST_STATUS } from '../access-request/access-request.types';
import type { CaseStatuses } from './case-status';
import type { CaseType } from './case-transition';

/** Each case type's statuses (their table), for what lists every type together: lists, filters, persons. */
export const CASE_TYPE_STATUSES: Readonly<Record<CaseType, CaseStatuses<string>>> = {
  exit_course: EXIT_COURSE_STATUS,
  dks_assessment: DKS_CASE_STATUS,
  network_council: NETWORK_COUNCIL_STATUS,
  concern_letter: CONCERN_LETTER_STATUS,
  access_request: ACCESS_REQUEST_STATUS,
};

/** Every status code of every case type, once. */
export const ALL_CASE_STATUSES: readonly string[] = [
  ...new Set(Object.values(CASE_TYPE_STATUSES).flatMap((statuses) => statuses.codes)),
];

/** A status in Danish as a sentence speaks of it; the code itself for one the type does not know. */
export function caseStatusText(caseType: CaseType, status: string): string {
  const statuses = CASE_TYPE_STATUSES[caseType];
  return statuses?.codes.includes(status) ? statuses.text(status) : status;
}

/** A status's Danish text, from whichever case type has it (the code itself for none). */
export function anyCaseStatusText(status: string): string {
  return (
    Object.values(CASE_TYPE_STATUSES)
      .find((table) => table.codes.includes(status))
      ?.text(status) ?? status
  );
}
