import { refuseMoment, type MomentFloor, type Refusal } from '../case/refusal';
import {
  COMMITTEE_PARTIES,
  COMMITTEE_PARTY_LABELS,
  CONCERN_LETTER_DECISIONS,
  CONCERN_LETTER_OUTCOMES,
  DELIVERY_RESULTS,
} from '../youth/youth-vocabulary';
import {
  CONCERN_LETTER_STATUS,
  MUNICIPAL_COMMITTEE_PARTIES,
  POLICE_COMMITTEE_PARTIES,
  type CommitteeDecisionInput,
  type ConcernLetterFollowUpInput,
  type ConcernLetterOutcomeInput,
  type ConcernLetterState,
  type ConcernLetterStatus,
  type DeliveryAttemptInput,
  type ParentsContactInput,
} from './concern-letter.types';

export function describeConcernLetterStatus(status: ConcernLetterStatus): string {
  return CONCERN_LETTER_STATUS.text(status);
}

function refuseUnlessStatus(
  state: ConcernLetterState,
  allowed: ConcernLetterStatus[],
  what: string,
): Refusal | undefined {
  if (allowed.includes(state.status)) return undefined;
  return {
    kind: 'illegal-transition',
    message: `${what} kan ikke registreres: sagen er ${describeConcernLetterStatus(state.status)}.`,
  };
}

/** The latest fact of the case so far: a new one may not lie before it. */
function latestFact(state: ConcernLetterState): MomentFloor {
  if (state.followedUpAt) return { at: state.followedUpAt, text: 'opfølgningen' };
  if (state.parentsContactedAt) return { at: state.parentsContactedAt, text: 'kontakten til forældrene' };
  if (state.lastAttemptAt) return { at: state.lastAttemptAt, text: 'det seneste afleveringsforsøg' };
  if (state.decidedAt) return { at: state.decidedAt, text: 'udvalgets beslutning' };
  return { at: state.proposedAt, text: 'indstillingen af kandidaten' };
}

const requireText = (text: string | undefined, message: string): Refusal | undefined =>
  text?.trim() ? undefined : { kind: 'invalid-data', message };

/**
 * The committee decides jointly ("Politiet eller EKP går således ikke ud på egen hånd", 002): the parties
 * present include the police (EAS or DKS) and the municipality (SSP or its exit unit), so at least two.
 */
export function refuseCommitteeDecision(
  state: ConcernLetterState,
  input: CommitteeDecisionInput,
  now: Date,
): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_committee'], 'Udvalgets beslutning');
  if (status) return status;
  if (!(CONCERN_LETTER_DECISIONS as readonly string[]).includes(input.decision)) {
    return { kind: 'invalid-data', message: 'Beslutningen skal være at sende eller ikke at sende bekymringsbrev.' };
  }
  const unknown = input.participants.find((party) => !(COMMITTEE_PARTIES as readonly string[]).includes(party));
  if (unknown !== undefined) {
    return { kind: 'invalid-data', message: `Deltageren '${unknown}' er ikke en af udvalgets parter.` };
  }
  if (new Set(input.participants).size !== input.participants.length) {
    return { kind: 'invalid-data', message: 'Hver deltagende part nævnes kun én gang.' };
  }
  const has = (parties: readonly string[]) => input.participants.some((party) => parties.includes(party));
  if (!has(POLICE_COMMITTEE_PARTIES) || !has(MUNICIPAL_COMMITTEE_PARTIES)) {
    const names = (parties: readonly string[]) =>
      parties.map((party) => COMMITTEE_PARTY_LABELS[party as keyof typeof COMMITTEE_PARTY_LABELS]).join(' eller ');
    return {
      kind: 'invalid-data',
      message: `Beslutningen træffes i fællesskab: både politiet (${names(POLICE_COMMITTEE_PARTIES)}) og kommunen (${names(MUNICIPAL_COMMITTEE_PARTIES)}) skal have deltaget.`,
    };
  }
  const reason = requireText(input.reason, 'Udvalgets beslutning skal have en begrundelse.');
  if (reason) return reason;
  return refuseMoment('Tidspunktet for beslutningen', input.decidedAt, now, [latestFact(state)]);
}

/** No delivery without the committee's decision to send: the letter is never the police's own. */
export function refuseDeliveryAttempt(
  state: ConcernLetterState,
  input: DeliveryAttemptInput,
  now: Date,
): Refusal | undefined {
  if (state.status === 'awaiting_committee') {
    return {
      kind: 'illegal-transition',
      message:
        'Bekymringsbrevet kan ikke afleveres: koordinationsudvalget har ikke besluttet at sende det. Politiet går ikke ud på egen hånd.',
    };
  }
  const status = refuseUnlessStatus(state, ['awaiting_delivery'], 'Afleveringsforsøget');
  if (status) return status;
  if (!(DELIVERY_RESULTS as readonly string[]).includes(input.result)) {
    return { kind: 'invalid-data', message: `Resultatet '${input.result}' er ikke et kendt resultat.` };
  }
  return refuseMoment('Tidspunktet for forsøget', input.attemptedAt, now, [latestFact(state)]);
}

export function refuseParentsContact(
  state: ConcernLetterState,
  input: ParentsContactInput,
  now: Date,
): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_parents_contact'], 'Kontakten til forældrene');
  if (status) return status;
  const note = requireText(input.note, 'Angiv hvordan forældrene blev kontaktet, og hvad der kom ud af det.');
  if (note) return note;
  return refuseMoment('Tidspunktet for kontakten', input.contactedAt, now, [latestFact(state)]);
}

export function refuseConcernLetterFollowUp(
  state: ConcernLetterState,
  input: ConcernLetterFollowUpInput,
  now: Date,
): Refusal | undefined {
  const status = refuseUnlessStatus(state, ['awaiting_follow_up'], 'Opfølgningen');
  if (status) return status;
  const findings = requireText(input.findings, 'Angiv hvad opfølgningen viste.');
  if (findings) return findings;
  return refuseMoment('Tidspunktet for opfølgningen', input.followedUpAt, now, [latestFact(state)]);
}

/**
 * The outcome ends the case after the follow-up; an exit course names the course started from it. A letter
 * whose address stayed unknown may be ended without delivery: no dialogue, with a reason.
 */
export function refuseConcernLetterOutcome(
  state: ConcernLetterState,
  input: ConcernLetterOutcomeInput,
  now: Date,
): Refusal | undefined {
  if (state.status === 'awaiting_delivery') {
    if (!state.attempts.includes('address_unknown')) {
      return {
        kind: 'illegal-transition',
        message:
          'Udfaldet kan ikke registreres: brevet er ikke afleveret. Kun efter et forsøg med ukendt adresse kan sagen afsluttes uden aflevering.',
      };
    }
    if (input.outcome !== 'no_dialogue') {
      return {
        kind: 'invalid-data',
        message: 'Et brev, der ikke er afleveret, afsluttes med udfaldet »ingen dialog«.',
      };
    }
    const reason = requireText(input.reason, 'Angiv hvorfor afleveringen opgives.');
    if (reason) return reason;
  } else {
    const status = refuseUnlessStatus(state, ['awaiting_outcome'], 'Udfaldet');
    if (status) return status;
  }
  if (!(CONCERN_LETTER_OUTCOMES as readonly string[]).includes(input.outcome)) {
    return { kind: 'invalid-data', message: `Udfaldet '${input.outcome}' er ikke et kendt udfald.` };
  }
  if ((input.outcome === 'exit_course') !== (input.exitCourseId !== undefined)) {
    return {
      kind: 'invalid-data',
      message: 'Kun udfaldet »exit-forløb startet« har et exit-forløb, og det har altid ét.',
    };
  }
  return refuseMoment('Tidspunktet for udfaldet', input.decidedAt, now, [latestFact(state)]);
}
