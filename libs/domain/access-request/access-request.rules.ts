import { refuseMoment, type Refusal } from '../case/refusal';
import {
  ACCESS_REQUEST_OUTCOMES,
  ACCESS_REQUEST_STATUS,
  MAX_EXTENSION_MONTHS,
  WITHHOLDING_GROUNDS,
  type AccessRequestDecisionInput,
  type AccessRequestExtensionInput,
  type AccessRequestState,
} from './access-request.types';

function refuseUnlessReceived(state: AccessRequestState, what: string): Refusal | undefined {
  if (state.status === 'received') return undefined;
  return {
    kind: 'illegal-transition',
    message: `${what} kan ikke registreres: anmodningen er ${ACCESS_REQUEST_STATUS.text(state.status)}.`,
  };
}

const invalid = (message: string): Refusal => ({ kind: 'invalid-data', message });

/**
 * The answer: a withholding names its legal ground and its reason (the person is told why, unless the law
 * allows leaving the reason out); full access names neither.
 */
export function refuseAccessRequestDecision(
  state: AccessRequestState,
  input: AccessRequestDecisionInput,
  now: Date,
): Refusal | undefined {
  const closed = refuseUnlessReceived(state, 'Svaret på anmodningen');
  if (closed) return closed;
  if (!ACCESS_REQUEST_OUTCOMES.includes(input.outcome)) return invalid('Udfaldet er ukendt.');
  if (input.outcome === 'answered') {
    if (input.withholdingGround) return invalid('Ved fuld indsigt angives ingen grund til at undtage oplysninger.');
  } else {
    if (!input.withholdingGround || !WITHHOLDING_GROUNDS.includes(input.withholdingGround))
      return invalid('Når oplysninger undtages, skal den retlige grund angives.');
    if (!input.reason?.trim()) return invalid('Når oplysninger undtages, skal begrundelsen angives.');
  }
  return refuseMoment('Tidspunktet for svaret', input.decidedAt, now, [
    { at: state.receivedAt, text: 'anmodningen blev modtaget' },
  ]);
}

/** One extension in all, by one or two further months, with a reason (GDPR art. 12(3)). */
export function refuseAccessRequestExtension(
  state: AccessRequestState,
  input: AccessRequestExtensionInput,
  now: Date,
): Refusal | undefined {
  const closed = refuseUnlessReceived(state, 'Forlængelsen af fristen');
  if (closed) return closed;
  if (state.extensionMonths > 0)
    return { kind: 'illegal-transition', message: 'Fristen er allerede forlænget; den kan kun forlænges én gang.' };
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_EXTENSION_MONTHS)
    return invalid(`Fristen kan forlænges med 1 eller ${MAX_EXTENSION_MONTHS} måneder.`);
  if (!input.reason.trim()) return invalid('Begrundelsen for forlængelsen skal angives.');
  return refuseMoment('Tidspunktet for forlængelsen', input.decidedAt, now, [
    { at: state.receivedAt, text: 'anmodningen blev modtaget' },
  ]);
}
