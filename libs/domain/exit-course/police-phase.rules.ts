import { refuseEndingReason } from '../case/ending-reasons';
import type { Refusal } from '../case/refusal';
import { describeStatus, openStep, refuseCourseMoment } from './exit-course.rules';
import type { ExitCourseState } from './exit-course.types';
import {
  POLICE_COURSE_OUTCOMES,
  POLICE_PLAN_RUNNERS,
  type PoliceCourseEndInput,
  type PolicePlanInput,
  type PoliceReviewInput,
  type ReoffendingCheckInput,
} from './police-phase.types';

/**
 * The rules of the course run by the police exit unit (police-phase.types.ts): pure refusals, in Danish,
 * that the workflow's validators apply before anything changes.
 */

/** Only while the police exit unit runs the course; `what` heads the refusal ("Planen kan ikke …"). */
function refuseUnlessPolicePhase(state: ExitCourseState, what: string): Refusal | undefined {
  if (state.status === 'police_course_active' && state.policePhase) return undefined;
  return { kind: 'illegal-transition', message: `${what}: forløbet ${describeStatus(state.status)}.` };
}

const blank = (text: string | undefined) => !text?.trim();

export function refusePolicePlan(state: ExitCourseState, input: PolicePlanInput, now: Date): Refusal | undefined {
  const inactive = refuseUnlessPolicePhase(state, 'Planen kan ikke registreres');
  if (inactive) return inactive;
  if (!openStep(state, 'police_plan')) {
    return { kind: 'illegal-transition', message: 'Planen for forløbet er allerede registreret.' };
  }
  if (blank(input.summary)) return { kind: 'invalid-data', message: 'Planen skal have et indhold.' };
  if (!POLICE_PLAN_RUNNERS.includes(input.runBy)) {
    return { kind: 'invalid-data', message: 'Angiv, hvem der kører forløbet.' };
  }
  return refuseCourseMoment('Planens tidspunkt', input.recordedAt, state, now);
}

export function refusePoliceReview(state: ExitCourseState, input: PoliceReviewInput, now: Date): Refusal | undefined {
  const inactive = refuseUnlessPolicePhase(state, 'Opfølgningen kan ikke registreres');
  if (inactive) return inactive;
  if (!openStep(state, 'police_review')) {
    return { kind: 'illegal-transition', message: 'Opfølgningen kan ikke registreres: der er ingen åben opfølgning.' };
  }
  if (blank(input.summary)) return { kind: 'invalid-data', message: 'Opfølgningen skal have et indhold.' };
  return refuseCourseMoment('Opfølgningens tidspunkt', input.reviewedAt, state, now);
}

export function refusePoliceCourseEnd(
  state: ExitCourseState,
  input: PoliceCourseEndInput,
  now: Date,
): Refusal | undefined {
  const inactive = refuseUnlessPolicePhase(state, 'Forløbet kan ikke afsluttes');
  if (inactive) return inactive;
  if (!POLICE_COURSE_OUTCOMES.includes(input.outcome)) {
    return { kind: 'invalid-data', message: 'Ukendt udfald af forløbet.' };
  }
  if (input.outcome === 'moved') {
    if (!input.toPoliceDistrictCode) {
      return { kind: 'invalid-data', message: 'Angiv den politikreds, personen er flyttet til.' };
    }
    if (input.toPoliceDistrictCode === state.policePhase!.policeDistrictCode) {
      return { kind: 'invalid-data', message: 'Forløbet køres allerede i den politikreds: vælg en anden.' };
    }
  } else if (input.toPoliceDistrictCode !== undefined) {
    return { kind: 'invalid-data', message: 'Politikredsen angives kun, når personen er flyttet.' };
  }
  const reason = refuseEndingReason('police_course_end', input, 'En afslutning skal have en begrundelse.');
  if (reason) return reason;
  return refuseCourseMoment('Afslutningstidspunktet', input.endedAt, state, now);
}

export function refuseReoffendingCheck(
  state: ExitCourseState,
  input: ReoffendingCheckInput,
  now: Date,
): Refusal | undefined {
  if (state.status !== 'police_course_ended') {
    return {
      kind: 'illegal-transition',
      message: `Tilbagefaldskontrollen kan ikke registreres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  const check = openStep(state, 'reoffending_check');
  if (!check) {
    return {
      kind: 'illegal-transition',
      message:
        'Tilbagefaldskontrollen kan ikke registreres endnu: den åbnes, når perioden efter forløbets afslutning er gået.',
    };
  }
  if (typeof input.reoffended !== 'boolean') {
    return { kind: 'invalid-data', message: 'Angiv, om personen har begået ny kriminalitet.' };
  }
  return refuseCourseMoment('Kontrollens tidspunkt', input.checkedAt, state, now, {
    at: check.openedAt,
    description: 'kontrollens åbning',
  });
}
