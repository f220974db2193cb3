import { refuseMoment, type Refusal } from '../case/refusal';
import { NETWORK_COUNCIL_STATUS } from './network-council.types';
import type {
  CouncilAgreementsInput,
  CouncilMeetingInput,
  InvitationsInput,
  NetworkCouncilState,
  NetworkCouncilStatus,
} from './network-council.types';

export function describeCouncilStatus(status: NetworkCouncilStatus): string {
  return NETWORK_COUNCIL_STATUS.text(status);
}

function refuse(state: NetworkCouncilState, allowed: NetworkCouncilStatus, what: string): Refusal | undefined {
  if (state.status === allowed) return undefined;
  return {
    kind: 'illegal-transition',
    message: `${what} kan ikke registreres: netværkssamrådet er ${describeCouncilStatus(state.status)}.`,
  };
}

/**
 * A council's moment may not lie before the fact it follows (`after`, when the council has recorded it)
 * or else the documentation's receipt, and not in the future.
 */
function refuseCouncilMoment(
  label: string,
  moment: string,
  state: NetworkCouncilState,
  now: Date,
  after?: { at: string | undefined; text: string },
): Refusal | undefined {
  const floor = after?.at
    ? { at: after.at, text: after.text }
    : { at: state.documentationReceivedAt, text: 'modtagelsen af dokumentationen' };
  return refuseMoment(label, moment, now, [floor]);
}

export function refuseInvitations(state: NetworkCouncilState, input: InvitationsInput, now: Date): Refusal | undefined {
  const status = refuse(state, 'awaiting_convening', 'Indkaldelsen');
  if (status) return status;
  if (input.participants.length === 0)
    return { kind: 'invalid-data', message: 'Indkaldelsen skal have mindst én deltager.' };
  return refuseCouncilMoment('Indkaldelsestidspunktet', input.invitedAt, state, now);
}

export function refuseCouncilMeeting(
  state: NetworkCouncilState,
  input: CouncilMeetingInput,
  now: Date,
): Refusal | undefined {
  return (
    refuse(state, 'convened', 'Mødet') ??
    refuseCouncilMoment('Mødetidspunktet', input.heldAt, state, now, { at: state.invitedAt, text: 'indkaldelsen' })
  );
}

export function refuseCouncilAgreements(
  state: NetworkCouncilState,
  input: CouncilAgreementsInput,
  now: Date,
): Refusal | undefined {
  const status = refuse(state, 'meeting_held', 'Aftalerne');
  if (status) return status;
  if (input.agreements.length === 0) return { kind: 'invalid-data', message: 'Angiv mindst én aftale.' };
  return refuseCouncilMoment('Aftaletidspunktet', input.agreedAt, state, now, { at: state.heldAt, text: 'samrådet' });
}
