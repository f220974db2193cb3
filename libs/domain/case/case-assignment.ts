import type { Role } from '../organisations/roles';
import { CASE_TYPES, type CaseType } from './case-transition';
import { STEP_KINDS, STEP_KIND_NAMES } from './step-kinds';

/**
 * Who may be a case's responsible caseworker: an active user of the unit holding the case whose role works
 * the case type's steps in that unit (the step-kind table: `responsibleRole` of the steps whose
 * `responsibleUnit` is the case's unit). A step of another unit (the handover district's decision) is that
 * unit's to take, so its role is no assignee of the case.
 */
export const ASSIGNEE_ROLES: Readonly<Record<CaseType, readonly Role[]>> = Object.freeze(
  Object.fromEntries(
    CASE_TYPES.map((caseType) => [
      caseType,
      [
        ...new Set(
          STEP_KIND_NAMES.filter(
            (kind) => STEP_KINDS[kind].caseType === caseType && STEP_KINDS[kind].responsibleUnit === 'case_unit',
          ).map((kind) => STEP_KINDS[kind].responsibleRole),
        ),
      ],
    ]),
  ) as Record<CaseType, Role[]>,
);

/** The roles that work cases (may take one, be assigned one, record an absence and be a substitute). */
export const CASEWORKER_ROLES: readonly Role[] = [...new Set(Object.values(ASSIGNEE_ROLES).flat())];

/** A history row's change: taken by the caseworker, assigned (none before), reassigned, or cleared by the system. */
export type AssignmentChange = 'taken' | 'assigned' | 'reassigned' | 'cleared';

export const ASSIGNMENT_CHANGE_LABELS: Record<AssignmentChange, string> = {
  taken: 'Taget',
  assigned: 'Tildelt',
  reassigned: 'Flyttet',
  cleared: 'Frigivet (sagen skiftede enhed)',
};

/** The actor of a change the read model makes itself (a transfer or a handover clears the assignee). */
export const SYSTEM_ACTOR = 'system';

/** At most this many cases in one bulk assignment. */
export const MAX_BULK_ASSIGNMENT = 100;
