import { refuseMoment, type Refusal } from '../case/refusal';
import { READINESS_ITEMS, READINESS_LABELS, type ExitCourseState } from './exit-course.types';
import {
  HANDOVER_VIEW_PARTIES,
  HANDOVER_VIEW_PARTY_LABELS,
  READINESS_OWNERS,
  type HandoverReportInput,
  type HandoverViewInput,
} from './handover-preparation.types';

/**
 * The rules of the handover prepared before release (handover-preparation.types.ts): pure functions the
 * workflow's validators call; each returns why an input is refused (Danish) or `undefined`.
 */

/** The agreement runs and the release is notified: the release plan's district and municipality prepare the handover. */
export function preparingHandover(state: Pick<ExitCourseState, 'status' | 'releaseNoticeSentAt'>): boolean {
  return state.status === 'agreement_active' && state.releaseNoticeSentAt !== undefined;
}

/** Waiting for the exit unit: before release from the notice until it decides, after release until its decision. */
export function awaitingExitUnit(state: ExitCourseState): boolean {
  if (state.status === 'awaiting_handover_decision') return true;
  return preparingHandover(state) && !state.handoverPreparation?.decidedBeforeRelease;
}

function refuseAt(label: string, moment: string, state: ExitCourseState, now: Date): Refusal | undefined {
  return refuseMoment(label, moment, now, [
    { at: state.referredAt, text: 'forløbet blev henvist' },
    { at: state.releaseNoticeSentAt ?? state.referredAt, text: 'løsladelsesvarslet' },
  ]);
}

export function refuseHandoverReport(
  state: ExitCourseState,
  input: HandoverReportInput,
  now: Date,
): Refusal | undefined {
  if (!preparingHandover(state)) {
    return {
      kind: 'illegal-transition',
      message: 'Overdragelsesrapporten kan først skrives, når løsladelsen er varslet, og kun indtil løsladelsen.',
    };
  }
  const items = input.readinessOwners.map((ownership) => ownership.item);
  const missing = READINESS_ITEMS.filter((item) => !items.includes(item));
  if (missing.length > 0 || items.length !== READINESS_ITEMS.length) {
    return {
      kind: 'invalid-data',
      message: `Ansvarlig skal angives én gang for hvert punkt på tjeklisten. Mangler: ${missing.map((item) => READINESS_LABELS[item]).join(', ') || 'ingen'}.`,
    };
  }
  if (input.readinessOwners.some((ownership) => !READINESS_OWNERS.includes(ownership.owner))) {
    return { kind: 'invalid-data', message: 'Ukendt ansvarlig for et punkt på tjeklisten.' };
  }
  if (state.paroleLinked && !input.paroleConditions) {
    return {
      kind: 'invalid-data',
      message: 'Vilkår for prøveløsladelse skal udfyldes: forløbet er knyttet til prøveløsladelse.',
    };
  }
  if (!state.paroleLinked && input.paroleConditions) {
    return {
      kind: 'invalid-data',
      message: 'Vilkår for prøveløsladelse skal være tomt: forløbet er ikke knyttet til prøveløsladelse.',
    };
  }
  return refuseAt('Rapportens tidspunkt', input.submittedAt, state, now);
}

export function refuseHandoverView(state: ExitCourseState, input: HandoverViewInput, now: Date): Refusal | undefined {
  if (!awaitingExitUnit(state)) {
    return {
      kind: 'illegal-transition',
      message: state.releaseNoticeSentAt
        ? 'Udtalelsen kan ikke gives: politiets exitenhed har truffet sin afgørelse om overdragelsen.'
        : 'Udtalelsen kan først gives, når løsladelsen er varslet.',
    };
  }
  if (!HANDOVER_VIEW_PARTIES.includes(input.party)) {
    return { kind: 'invalid-data', message: 'Kun kommunen og Kriminalforsorgen giver udtalelse til afgørelsen.' };
  }
  return refuseAt(`Udtalelsen fra ${HANDOVER_VIEW_PARTY_LABELS[input.party]}`, input.recordedAt, state, now);
}
