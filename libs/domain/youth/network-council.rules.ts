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

function refuseCouncilMoment(label: string, moment: string, notBefore: string, now: Date): Refusal | undefined {
  return refuseMoment(label, moment, now, [{ at: notBefore, text: notBefore }]);
}

export function refuseInvitations(state: NetworkCouncilState, input: InvitationsInput, now: Date): Refusal | undefined {
  const status = refuse(state, 'awaiting_convening', 'Indkaldelsen');
  if (status) return status;
  if (input.participants.length === 0)
    return { kind: 'invalid-data', message: 'Indkaldelsen skal have mindst én deltager.' };
  return refuseCouncilMoment('Indkaldelsestidspunktet', input.invitedAt, state.documentationReceivedAt, now);
}

export function refuseCouncilMeeting(
  state: NetworkCouncilState,
  input: CouncilMeetingInput,
  now: Date,
): Refusal | undefined {
  return (
    refuse(state, 'convened', 'Mødet') ??
    refuseCouncilMoment('Mødetidspunktet', input.heldAt, state.invitedAt ?? state.documentationReceivedAt, now)
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
  return refuseCouncilMoment('Aftaletidspunktet', input.agreedAt, state.heldAt ?? state.documentationReceivedAt, now);
}
