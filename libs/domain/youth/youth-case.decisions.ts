import type { DecisionTable } from '../case/case-decision';
import type { Permission } from '../organisations/permissions';
import { DKS_CASE_STATUS, type DksCaseStatus } from './dks-case.types';
import { NETWORK_COUNCIL_STATUS, type NetworkCouncilStatus } from './network-council.types';
import { refuseAdultHandover, refuseCaseLevel } from './case-level.rules';
import type { AdultHandoverInput, CaseLevelInput, YouthCaseState, YouthStepKind } from './case-level.types';

/** What decides which of the shared youth decisions a case admits: its status and its open steps. */
export interface YouthCaseFacts {
  status: string;
  openStepKinds?: readonly string[];
}

export interface YouthCaseDecisionInputs {
  'case-level': CaseLevelInput;
  'adult-handover': AdultHandoverInput;
}

/** The update the monthly coordination meeting sends each level-1 case it reviewed (POST /api/level-one-reviews). */
export const LEVEL_ONE_REVIEW_UPDATE = 'recordLevelOneReview';

/** The permission to set and change a case's level and to record the unit's coordination meeting. */
export const CASE_LEVEL_PERMISSION: Permission = 'case-level:set';

/**
 * The decisions every youth case type shares (the case level, the handover at 18), for a type's table:
 * `isFinal` its statuses' end, `handoverPermission` who decides on that type (DKS or the municipality).
 */
export function youthCaseDecisions(
  isFinal: (status: string) => boolean,
  handoverPermission: Permission,
): DecisionTable<YouthCaseState, YouthCaseDecisionInputs, YouthCaseFacts, YouthStepKind> {
  return {
    'case-level': {
      name: 'case-level',
      update: 'setCaseLevel',
      label: 'Sagens niveau',
      permission: CASE_LEVEL_PERMISSION,
      allowedIn: (facts) => !isFinal(facts.status),
      refuse: (state, input) => refuseCaseLevel(state, input),
    },
    'adult-handover': {
      name: 'adult-handover',
      update: 'decideAdultHandover',
      label: 'Overdragelse til kommunens 18+-indsats (SSP+)',
      permission: handoverPermission,
      completesStep: 'adult_handover',
      allowedIn: (facts) => !isFinal(facts.status) && (facts.openStepKinds ?? []).includes('adult_handover'),
      refuse: refuseAdultHandover,
    },
  };
}

export const DKS_YOUTH_DECISIONS = youthCaseDecisions(
  (status) => DKS_CASE_STATUS.isFinal(status as DksCaseStatus),
  'dks:decide',
);

export const COUNCIL_YOUTH_DECISIONS = youthCaseDecisions(
  (status) => NETWORK_COUNCIL_STATUS.isFinal(status as NetworkCouncilStatus),
  'council:decide',
);
