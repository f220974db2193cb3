import type { Refusal } from '../exit-course/exit-course.rules';
import { CLOCK_SKEW_MS } from '../exit-course/exit-course.rules';
import type { DksAssessmentInput, DksCaseState, DksCaseStatus, FollowUpCheckInput, HomeVisitHeldInput, HomeVisitPlanInput } from './dks-case.types';

const STATUS_TEXT: Record<DksCaseStatus, string> = {
  awaiting_assessment: 'afventer DKS-vurdering',
  awaiting_home_visit: 'afventer planlægning af hjemmebesøg',
  home_visit_planned: 'hjemmebesøg planlagt',
  awaiting_follow_up: 'afventer opfølgningstjek',
  closed_no_concern_conversation: 'afsluttet uden bekymringssamtale',
  followed_up: 'fulgt op',
};

export function describeDksStatus(status: DksCaseStatus): string {
  return STATUS_TEXT[status];
}

function refuseUnlessStatus(state: DksCaseState, allowed: DksCaseStatus[], what: string): Refusal | undefined {
  if (allowed.includes(state.status)) return undefined;
  return { kind: 'illegal-transition', message: `${what} kan ikke registreres: sagen er ${describeDksStatus(state.status)}.` };
}

/** Not before the charge or observation, not in the future. */
function refuseMoment(label: string, moment: string, state: DksCaseState, now: Date): Refusal | undefined {
  const at = Date.parse(moment);
  if (Number.isNaN(at)) return { kind: 'invalid-data', message: `${label} er ikke et gyldigt tidspunkt.` };
  if (at < Date.parse(state.triggeredAt)) {
    return { kind: 'invalid-data', message: `${label} ligger før sigtelsen eller observationen (${state.triggeredAt}).` };
  }
  if (at > now.getTime() + CLOCK_SKEW_MS) return { kind: 'invalid-data', message: `${label} ligger i fremtiden.` };
  return undefined;
}

export function refuseDksAssessment(state: DksCaseState, input: DksAssessmentInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_assessment'], 'Vurderingen');
  if (status) return status;
  if (!input.reason.trim()) return { kind: 'invalid-data', message: 'Vurderingen skal have en begrundelse.' };
  return refuseMoment('Vurderingstidspunktet', input.decidedAt, state, now);
}

export function refuseHomeVisitPlan(state: DksCaseState, input: HomeVisitPlanInput): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_home_visit', 'home_visit_planned'], 'Planlægningen');
  if (status) return status;
  if (Number.isNaN(Date.parse(input.plannedFor))) return { kind: 'invalid-data', message: 'Det planlagte tidspunkt er ugyldigt.' };
  if (Date.parse(input.plannedFor) < Date.parse(state.triggeredAt)) {
    return { kind: 'invalid-data', message: 'Hjemmebesøget kan ikke planlægges før sigtelsen eller observationen.' };
  }
  return undefined;
}

export function refuseHomeVisitHeld(state: DksCaseState, input: HomeVisitHeldInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_home_visit', 'home_visit_planned'], 'Hjemmebesøget');
  if (status) return status;
  if (!input.withSocialServices) {
    return { kind: 'invalid-data', message: 'Bekymringssamtalen holdes som hjemmebesøg sammen med socialforvaltningen.' };
  }
  if (!input.initiatives.trim()) return { kind: 'invalid-data', message: 'Angiv de iværksatte initiativer, som opfølgningen skal tjekke.' };
  return refuseMoment('Tidspunktet for hjemmebesøget', input.heldAt, state, now);
}

export function refuseFollowUpCheck(state: DksCaseState, input: FollowUpCheckInput, now: Date): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_follow_up'], 'Opfølgningstjekket');
  if (status) return status;
  if (!input.findings.trim()) return { kind: 'invalid-data', message: 'Angiv hvad opfølgningstjekket viste.' };
  return refuseMoment('Tidspunktet for opfølgningen', input.checkedAt, state, now);
}
