import { refuseEndingReason } from '../case/ending-reasons';
import { refuseMoment, type Refusal } from '../case/refusal';
import { DKS_CASE_STATUS } from './dks-case.types';
import { DKS_CASE_OUTCOME_LABELS, type DksCaseOutcome } from './youth-vocabulary';
import { refuseAssessmentLevel } from './case-level.rules';
import type {
  DksAssessmentInput,
  DksCaseEndInput,
  DksCaseMoveInput,
  SocialServicesParticipationInput,
  DksCaseState,
  DksCaseStatus,
  FollowUpCheckInput,
  HomeVisitHeldInput,
  HomeVisitPlanInput,
} from './dks-case.types';

export function describeDksStatus(status: DksCaseStatus): string {
  return DKS_CASE_STATUS.text(status);
}

function refuseUnlessStatus(state: DksCaseState, allowed: DksCaseStatus[], what: string): Refusal | undefined {
  if (allowed.includes(state.status)) return undefined;
  return {
    kind: 'illegal-transition',
    message: `${what} kan ikke registreres: sagen er ${describeDksStatus(state.status)}.`,
  };
}

/**
 * Each fact follows the one before it: the assessment the charge or observation, the home visit the
 * assessment, the follow-up the visit. And none lies in the future.
 */
function refuseDksMoment(label: string, moment: string, state: DksCaseState, now: Date): Refusal | undefined {
  const [floor, floorText] = state.homeVisitHeldAt
    ? [state.homeVisitHeldAt, 'hjemmebesøget']
    : state.assessedAt
      ? [state.assessedAt, 'vurderingen']
      : [state.triggeredAt, 'sigtelsen eller observationen'];
  return refuseMoment(label, moment, now, [{ at: floor, text: floorText }]);
}

export function refuseDksAssessment(state: DksCaseState, input: DksAssessmentInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_assessment'], 'Vurderingen');
  if (status) return status;
  if (input.concernConversation) {
    if (input.reasonCode !== undefined) {
      return {
        kind: 'invalid-data',
        message: 'Kun en sag, der afsluttes uden bekymringssamtale, har en årsag: lad årsagen være tom.',
      };
    }
    if (!input.reason.trim()) return { kind: 'invalid-data', message: 'Vurderingen skal have en begrundelse.' };
  } else {
    const reason = refuseEndingReason('no_concern_conversation', input, 'Vurderingen skal have en begrundelse.');
    if (reason) return reason;
  }
  return (
    refuseAssessmentLevel(input.caseLevel) ?? refuseDksMoment('Vurderingstidspunktet', input.decidedAt, state, now)
  );
}

/** A plan lies ahead: not in the past (an hour's slack), and not before the assessment. */
export function refuseHomeVisitPlan(state: DksCaseState, input: HomeVisitPlanInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_home_visit', 'home_visit_planned'], 'Planlægningen');
  if (status) return status;
  const at = Date.parse(input.plannedFor);
  if (Number.isNaN(at)) return { kind: 'invalid-data', message: 'Det planlagte tidspunkt er ugyldigt.' };
  if (at < now.getTime() - 3600_000 || (state.assessedAt && at < Date.parse(state.assessedAt))) {
    return {
      kind: 'invalid-data',
      message:
        'Hjemmebesøget kan kun planlægges frem i tiden, efter vurderingen. Er det holdt, registreres det som holdt.',
    };
  }
  return undefined;
}

export function refuseHomeVisitHeld(state: DksCaseState, input: HomeVisitHeldInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_home_visit', 'home_visit_planned'], 'Hjemmebesøget');
  if (status) return status;
  if (!input.withSocialServices) {
    return {
      kind: 'invalid-data',
      message: 'Bekymringssamtalen holdes som hjemmebesøg sammen med socialforvaltningen.',
    };
  }
  if (!input.initiatives.trim())
    return { kind: 'invalid-data', message: 'Angiv de iværksatte initiativer, som opfølgningen skal tjekke.' };
  return refuseDksMoment('Tidspunktet for hjemmebesøget', input.heldAt, state, now);
}

export function refuseFollowUpCheck(state: DksCaseState, input: FollowUpCheckInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_follow_up'], 'Opfølgningstjekket');
  if (status) return status;
  if (!input.findings.trim()) return { kind: 'invalid-data', message: 'Angiv hvad opfølgningstjekket viste.' };
  return refuseDksMoment('Tidspunktet for opfølgningen', input.checkedAt, state, now);
}

/** Where each outcome may end the case: declined or not reached while the visit is ahead; a plan any time. */
const OUTCOME_STATUSES: Record<DksCaseOutcome, readonly DksCaseStatus[]> = {
  declined: ['awaiting_home_visit', 'home_visit_planned'],
  not_reached: ['awaiting_home_visit', 'home_visit_planned'],
  existing_action_plan: ['awaiting_assessment', 'awaiting_home_visit', 'home_visit_planned', 'awaiting_follow_up'],
};

export function dksOutcomeAllowedIn(outcome: DksCaseOutcome, status: DksCaseStatus): boolean {
  return OUTCOME_STATUSES[outcome].includes(status);
}

export function refuseDksCaseEnd(state: DksCaseState, input: DksCaseEndInput, now: Date): Refusal | undefined {
  if (!Object.hasOwn(OUTCOME_STATUSES, input.outcome)) {
    const names = Object.values(DKS_CASE_OUTCOME_LABELS).map((name) => `»${name}«`);
    return {
      kind: 'invalid-data',
      message: `Udfaldet skal være ${names.slice(0, -1).join(', ')} eller ${names.at(-1)}.`,
    };
  }
  if (!dksOutcomeAllowedIn(input.outcome, state.status)) {
    const when =
      input.outcome === 'existing_action_plan'
        ? ''
        : ' Det kan kun registreres efter et ja til en bekymringssamtale, før hjemmebesøget er holdt.';
    return {
      kind: 'illegal-transition',
      message: `Sagen kan ikke afsluttes, fordi ${DKS_CASE_OUTCOME_LABELS[input.outcome]}: sagen er ${describeDksStatus(state.status)}.${when}`,
    };
  }
  const reason = refuseEndingReason('dks_case_end', input, 'Afslutningen skal have en begrundelse.');
  if (reason) return reason;
  return refuseDksMoment('Tidspunktet for afslutningen', input.endedAt, state, now);
}

/** The district is checked by the API (an open police district); the case cannot move to where it is. */
export function refuseDksCaseMove(state: DksCaseState, input: DksCaseMoveInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(
    state,
    ['awaiting_assessment', 'awaiting_home_visit', 'home_visit_planned', 'awaiting_follow_up'],
    'Flytningen',
  );
  if (status) return status;
  if (input.toPoliceDistrictCode === state.policeDistrictCode) {
    return { kind: 'invalid-data', message: 'Sagen hører allerede til den politikreds.' };
  }
  return refuseMoment('Tidspunktet for flytningen', input.movedAt, now, [
    { at: state.triggeredAt, text: 'sigtelsen eller observationen' },
  ]);
}

/** Only the social services of the municipality named for a planned visit record their part in it. */
export function refuseSocialServicesParticipation(
  state: DksCaseState,
  input: SocialServicesParticipationInput,
): Refusal | undefined {
  const status = refuseUnlessStatus(
    state,
    ['home_visit_planned', 'awaiting_follow_up'],
    'Socialforvaltningens deltagelse',
  );
  if (status) return status;
  if (!state.homeVisitMunicipalityCode) {
    return {
      kind: 'illegal-transition',
      message: 'Socialforvaltningens deltagelse kan ikke registreres: hjemmebesøget er planlagt uden en kommune.',
    };
  }
  if (!input.participates && input.levelOneCaseRefEncrypted !== undefined) {
    return {
      kind: 'invalid-data',
      message: 'Kun en socialforvaltning, der deltager, har et sagsnummer: lad sagsnummeret være tomt.',
    };
  }
  return undefined;
}
