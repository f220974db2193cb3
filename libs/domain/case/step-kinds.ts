import type { Role } from '../organisations/roles';
import { DEADLINE_POLICY } from '../deadlines/deadline-policy';
import type { ExitCourseStepKind } from '../exit-course/exit-course.types';
import type { DksStepKind } from '../youth/dks-case.types';
import type { NetworkCouncilStepKind } from '../youth/network-council.types';
import type { CaseType } from './case-transition';

export type StepKind = ExitCourseStepKind | DksStepKind | NetworkCouncilStepKind;

/** Which unit a step waits for: the unit holding the case, or the police district it was handed over to. */
export type ResponsibleUnit = 'case_unit' | 'handover_district';

export interface StepKindDefinition {
  caseType: CaseType;
  /** What the step is, in Danish. */
  label: string;
  /** Whose turn it is while the step is open. */
  responsibleRole: Role;
  responsibleUnit: ResponsibleUnit;
  /**
   * How long before the deadline the step counts as due soon and a warning notice goes out. Workflows
   * arm their warning timers from this table, so a change here changes workflow commands: it must go
   * through `patched()` (see workflows/case/case-steps.ts) and a re-recorded replay history.
   */
  warningHours: number;
}

const DAY = 24;

/** Every step kind of every workflow type: the one table for labels, whose turn it is and warnings. */
export const STEP_KINDS: Readonly<Record<StepKind, StepKindDefinition>> = Object.freeze({
  suitability_assessment: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.suitabilityAssessment.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
  },
  agreement_signing: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.agreementSigning.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
  },
  mentor_assignment: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.mentorAssignment.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
  },
  mentor_contact: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.mentorContactCadence.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
  },
  release_preparation: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.releaseReadiness.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
  },
  handover_decision: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.handoverDecision.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'handover_district',
    warningHours: 2 * DAY,
  },
  handover_redirect: {
    caseType: 'exit_course',
    label: 'Ny overdragelse efter afvisning',
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 2 * DAY,
  },
  dks_assessment: {
    caseType: 'dks_assessment',
    label: DEADLINE_POLICY.dksAssessment.label,
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 6,
  },
  home_visit_planning: {
    caseType: 'dks_assessment',
    label: DEADLINE_POLICY.dksHomeVisitPlanning.label,
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 2 * DAY,
  },
  home_visit: {
    caseType: 'dks_assessment',
    label: 'Hjemmebesøg (planlagt tidspunkt)',
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 1 * DAY,
  },
  follow_up_check: {
    caseType: 'dks_assessment',
    label: DEADLINE_POLICY.dksFollowUpCheck.label,
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
  },
  network_council_convening: {
    caseType: 'network_council',
    label: DEADLINE_POLICY.networkCouncilConvening.label,
    responsibleRole: 'municipality_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 2 * DAY,
  },
});

export const STEP_KIND_NAMES = Object.keys(STEP_KINDS) as StepKind[];

export function isStepKind(kind: string): kind is StepKind {
  return Object.prototype.hasOwnProperty.call(STEP_KINDS, kind);
}

/** The step's label in Danish (an unknown kind, e.g. from a newer version, shows its code). */
export function stepLabel(kind: string): string {
  return isStepKind(kind) ? STEP_KINDS[kind].label : kind;
}

/** When a step with this deadline becomes due soon (ISO instant); elapsed hours, as the deadline is an instant. */
export function warningAt(kind: string, dueAt: string): string {
  const hours = isStepKind(kind) ? STEP_KINDS[kind].warningHours : 0;
  return new Date(Date.parse(dueAt) - hours * 3_600_000).toISOString();
}

/** The API's resource of each case type: `/api/<resource>/<id>`, and the web page's `#/sag/<resource>/<id>`. */
export const CASE_RESOURCES: Record<CaseType, string> = {
  exit_course: 'exit-courses',
  dks_assessment: 'dks-cases',
  network_council: 'network-councils',
};

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  exit_course: 'Exit-forløb',
  dks_assessment: 'DKS-sag',
  network_council: 'Netværkssamråd',
};
