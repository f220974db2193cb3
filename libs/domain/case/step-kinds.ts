import type { Role } from '../organisations/roles';
import { DEADLINE_POLICY, type DeadlineName } from '../deadlines/deadline-policy';
import type { ExitCourseStepKind } from '../exit-course/exit-course.types';
import type { DksStepKind } from '../youth/dks-case.types';
import type { NetworkCouncilStepKind } from '../youth/network-council.types';
import type { ConcernLetterStepKind } from '../concern-letter/concern-letter.types';
import type { YouthStepKind } from '../youth/case-level.types';
import type { AccessRequestStepKind } from '../access-request/access-request.types';
import type { CaseType } from './case-transition';

export type StepKind =
  | ExitCourseStepKind
  | DksStepKind
  | NetworkCouncilStepKind
  | ConcernLetterStepKind
  | YouthStepKind
  | AccessRequestStepKind;

/**
 * Which unit a step waits for: the unit holding the case; the police district it was handed over to; or the
 * unit running the course now (`course_runner`): the police district once its exit unit runs the course (the
 * police phase), else the unit holding the case; or the step's own unit (`step_unit`: a network council's
 * initiative waits for its owner's unit, recorded with the step).
 */
export type ResponsibleUnit = 'case_unit' | 'handover_district' | 'course_runner' | 'step_unit';

export interface StepKindDefinition {
  caseType: CaseType;
  /** What the step is, in Danish. */
  label: string;
  /** Whose turn it is while the step is open. */
  responsibleRole: Role;
  responsibleUnit: ResponsibleUnit;
  /**
   * How long before the deadline the step counts as due soon and a warning notice goes out. A case's
   * workflow keeps the windows in force when it started (`warningHours` of its input), so a change here
   * reaches new cases only and needs no `patched()`; boards and the page read the table as it is now.
   */
  warningHours: number;
  /** The deadline rule (deadline-policy.ts) the step is due by, for steps whose deadline is a rule. */
  deadline?: DeadlineName;
  /**
   * Opened by the system on its own clock (the release notice), not at a moment someone stated: it does not
   * stop facts from being registered afterwards with their real, earlier dates.
   */
  systemOpened?: boolean;
  /** What its escalation names besides the kind and the deadline: the readiness items still missing. */
  escalationNames?: 'missing_readiness';
  /** The same step on another case type, waiting there for that type's role (the youth cases' shared steps). */
  alsoOn?: Partial<Record<CaseType, Role>>;
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
    deadline: 'suitabilityAssessment',
  },
  agreement_signing: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.agreementSigning.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
    deadline: 'agreementSigning',
  },
  mentor_assignment: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.mentorAssignment.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
    deadline: 'mentorAssignment',
  },
  mentor_contact: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.mentorContactCadence.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'course_runner',
    warningHours: 7 * DAY,
    deadline: 'mentorContactCadence',
  },
  release_preparation: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.releaseReadiness.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
    deadline: 'releaseReadiness',
    systemOpened: true,
    escalationNames: 'missing_readiness',
  },
  handover_report: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.handoverReport.label,
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
    deadline: 'handoverReport',
    systemOpened: true,
  },
  handover_decision: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.handoverDecision.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'handover_district',
    warningHours: 2 * DAY,
    deadline: 'handoverDecision',
  },
  handover_redirect: {
    caseType: 'exit_course',
    label: 'Ny overdragelse efter afvisning',
    responsibleRole: 'kf_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 2 * DAY,
    deadline: 'handoverDecision',
  },
  police_plan: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.policePlan.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'course_runner',
    warningHours: 7 * DAY,
    deadline: 'policePlan',
  },
  police_review: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.policeReview.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'course_runner',
    warningHours: 14 * DAY,
    deadline: 'policeReview',
  },
  reoffending_check: {
    caseType: 'exit_course',
    label: DEADLINE_POLICY.reoffendingCheckRecording.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'course_runner',
    warningHours: 3 * DAY,
    deadline: 'reoffendingCheckRecording',
    systemOpened: true,
  },
  dks_assessment: {
    caseType: 'dks_assessment',
    label: DEADLINE_POLICY.dksAssessment.label,
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 6,
    deadline: 'dksAssessment',
  },
  home_visit_planning: {
    caseType: 'dks_assessment',
    label: DEADLINE_POLICY.dksHomeVisitPlanning.label,
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 2 * DAY,
    deadline: 'dksHomeVisitPlanning',
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
    deadline: 'dksFollowUpCheck',
  },
  network_council_convening: {
    caseType: 'network_council',
    label: DEADLINE_POLICY.networkCouncilConvening.label,
    responsibleRole: 'municipality_caseworker',
    responsibleUnit: 'case_unit',
    warningHours: 2 * DAY,
    deadline: 'networkCouncilConvening',
  },
  committee_decision: {
    caseType: 'concern_letter',
    label: 'Koordinationsudvalgets beslutning om bekymringsbrev (rundens mødedato)',
    responsibleRole: 'concern_committee_member',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
  },
  letter_delivery: {
    caseType: 'concern_letter',
    label: DEADLINE_POLICY.concernLetterDelivery.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
    deadline: 'concernLetterDelivery',
  },
  parents_contact: {
    caseType: 'concern_letter',
    label: DEADLINE_POLICY.concernLetterParentsContact.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
    deadline: 'concernLetterParentsContact',
  },
  concern_letter_follow_up: {
    caseType: 'concern_letter',
    label: DEADLINE_POLICY.concernLetterFollowUp.label,
    responsibleRole: 'police_exit_officer',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
    deadline: 'concernLetterFollowUp',
  },
  level_one_review: {
    caseType: 'dks_assessment',
    label: DEADLINE_POLICY.levelOneReview.label,
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
    deadline: 'levelOneReview',
    systemOpened: true,
    alsoOn: { network_council: 'municipality_caseworker' },
  },
  adult_handover: {
    caseType: 'dks_assessment',
    label: DEADLINE_POLICY.adultHandover.label,
    responsibleRole: 'dks_officer',
    responsibleUnit: 'case_unit',
    warningHours: 3 * DAY,
    deadline: 'adultHandover',
    systemOpened: true,
    alsoOn: { network_council: 'municipality_caseworker' },
  },
  council_initiative_follow_up: {
    caseType: 'network_council',
    label: 'Opfølgning på initiativ i netværkssamrådets handleplan',
    responsibleRole: 'municipality_caseworker',
    responsibleUnit: 'step_unit',
    warningHours: 3 * DAY,
  },
  access_request_answer: {
    caseType: 'access_request',
    label: DEADLINE_POLICY.accessRequestAnswer.label,
    responsibleRole: 'data_protection_officer',
    responsibleUnit: 'case_unit',
    warningHours: 7 * DAY,
    deadline: 'accessRequestAnswer',
  },
});

export const STEP_KIND_NAMES = Object.keys(STEP_KINDS) as StepKind[];

/** Whose turn a step of this kind is on a case of this type: `alsoOn`'s role there, else its responsible role. */
export function responsibleRoleOn(kind: StepKind, caseType: CaseType | null | undefined): Role {
  const definition = STEP_KINDS[kind];
  return (caseType ? definition.alsoOn?.[caseType] : undefined) ?? definition.responsibleRole;
}

/** Every case type a step kind occurs on, with whose turn it is there (one row per kind and type). */
export const STEP_KIND_ROLES: readonly { kind: StepKind; caseType: CaseType; role: Role }[] = STEP_KIND_NAMES.flatMap(
  (kind) =>
    [STEP_KINDS[kind].caseType, ...(Object.keys(STEP_KINDS[kind].alsoOn ?? {}) as CaseType[])].map((caseType) => ({
      kind,
      caseType,
      role: responsibleRoleOn(kind, caseType),
    })),
);

export function isStepKind(kind: string): kind is StepKind {
  return Object.prototype.hasOwnProperty.call(STEP_KINDS, kind);
}

/** The step's label in Danish (an unknown kind, e.g. from a newer version, shows its code). */
export function stepLabel(kind: string): string {
  return isStepKind(kind) ? STEP_KINDS[kind].label : kind;
}

/** How many hours before its deadline each step kind becomes due soon: as a workflow input carries it. */
export type WarningWindows = Readonly<Partial<Record<StepKind, number>>>;

/** The warning windows in force now, for a case that starts now to keep. */
export function currentWarningWindows(): Record<StepKind, number> {
  return Object.fromEntries(STEP_KIND_NAMES.map((kind) => [kind, STEP_KINDS[kind].warningHours])) as Record<
    StepKind,
    number
  >;
}

/**
 * The windows of cases started before their input carried any (recorded histories, running cases): frozen
 * as they were then, so those cases replay unchanged whatever the table says later.
 */
export const WARNING_WINDOWS_BEFORE_SNAPSHOT: WarningWindows = Object.freeze({
  suitability_assessment: 168,
  agreement_signing: 72,
  mentor_assignment: 72,
  mentor_contact: 168,
  release_preparation: 168,
  handover_decision: 48,
  handover_redirect: 48,
  dks_assessment: 6,
  home_visit_planning: 48,
  home_visit: 24,
  follow_up_check: 72,
  network_council_convening: 48,
});

/**
 * When a step with this deadline becomes due soon (ISO instant); elapsed hours, as the deadline is an
 * instant. `windows`: a case's own (its workflow input); by default the table's.
 */
export function warningAt(kind: string, dueAt: string, windows?: WarningWindows): string {
  // A kind newer than the case's snapshot takes the table's window.
  const hours = isStepKind(kind) ? (windows?.[kind] ?? STEP_KINDS[kind].warningHours) : 0;
  return new Date(Date.parse(dueAt) - hours * 3_600_000).toISOString();
}

/** The API's resource of each case type: `/api/<resource>/<id>`, and the web page's `#/sag/<resource>/<id>`. */
export const CASE_RESOURCES: Record<CaseType, string> = {
  exit_course: 'exit-courses',
  dks_assessment: 'dks-cases',
  network_council: 'network-councils',
  concern_letter: 'concern-letters',
  access_request: 'access-requests',
};

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  exit_course: 'Exit-forløb',
  dks_assessment: 'DKS-sag',
  network_council: 'Netværkssamråd',
  concern_letter: 'Bekymringsbrev',
  access_request: 'Indsigtsanmodning',
};
