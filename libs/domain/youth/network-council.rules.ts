import { refuseMoment, type Refusal } from '../case/refusal';
import { danishDateOf, formatDanishDateTime, parseLocalDate, startOfDanishDay } from '../time/copenhagen-calendar';
import { NETWORK_COUNCIL_STATUS } from './network-council.types';
import type {
  CouncilAgreementsInput,
  CouncilExpectedReleaseInput,
  CouncilMeetingInput,
  CouncilMeetingPlanInput,
  CouncilReleaseInput,
  InitiativeFollowUpInput,
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

export function refuseMeetingPlan(state: NetworkCouncilState, input: CouncilMeetingPlanInput): Refusal | undefined {
  if (state.status !== 'awaiting_convening' && state.status !== 'convened') {
    return {
      kind: 'illegal-transition',
      message: `Mødet kan ikke planlægges: netværkssamrådet er ${describeCouncilStatus(state.status)}.`,
    };
  }
  const at = Date.parse(input.plannedFor);
  if (Number.isNaN(at))
    return { kind: 'invalid-data', message: 'Det planlagte mødetidspunkt er ikke et gyldigt tidspunkt.' };
  if (at < Date.parse(state.documentationReceivedAt)) {
    return {
      kind: 'invalid-data',
      message: `Det planlagte mødetidspunkt ligger før modtagelsen af dokumentationen (${formatDanishDateTime(new Date(state.documentationReceivedAt))}).`,
    };
  }
  return undefined;
}

/** Each agreement of an action plan has an owner and a due date, or follows the youth's release. */
function refuseInitiatives(state: NetworkCouncilState, input: CouncilAgreementsInput): Refusal | undefined {
  const agreedOn = danishDateOf(new Date(input.agreedAt));
  for (const [index, agreement] of input.agreements.entries()) {
    const which = `Aftale ${index + 1}`;
    if (!agreement.ownerUnit || !agreement.ownerOrganisation)
      return { kind: 'invalid-data', message: `${which} skal have en ejer (myndighed og enhed).` };
    if (agreement.followsRelease) {
      if (agreement.kind !== 'support_at_release')
        return { kind: 'invalid-data', message: `${which}: kun støtte ved løsladelse kan følge løsladelsen.` };
      if (!state.expectedReleaseDate && !state.releasedAt)
        return {
          kind: 'invalid-data',
          message: `${which} følger løsladelsen: registrér den forventede løsladelsesdato først.`,
        };
      continue;
    }
    const due = agreement.dueDate ? parseLocalDate(agreement.dueDate) : undefined;
    if (!due) return { kind: 'invalid-data', message: `${which} skal have en frist (dato).` };
    if (startOfDanishDay(due) < startOfDanishDay(agreedOn))
      return { kind: 'invalid-data', message: `${which}: fristen ligger før aftaletidspunktet.` };
  }
  return undefined;
}

export function refuseActionPlanAgreements(
  state: NetworkCouncilState,
  input: CouncilAgreementsInput,
  now: Date,
): Refusal | undefined {
  return refuseCouncilAgreements(state, input, now) ?? refuseInitiatives(state, input);
}

export function refuseInitiativeFollowUp(
  state: NetworkCouncilState,
  input: InitiativeFollowUpInput,
  now: Date,
): Refusal | undefined {
  const status = refuse(state, 'action_plan_running', 'Opfølgningen');
  if (status) return status;
  const initiative = state.initiatives?.find((candidate) => candidate.initiativeId === input.initiativeId);
  if (!initiative) return { kind: 'invalid-data', message: 'Initiativet findes ikke i netværkssamrådets handleplan.' };
  if (initiative.followUp)
    return { kind: 'illegal-transition', message: 'Initiativet er allerede fulgt op og kan ikke følges op igen.' };
  return refuseMoment('Tidspunktet for opfølgningen', input.followedUpAt, now, [
    { at: state.agreedAt ?? state.documentationReceivedAt, text: 'aftalerne' },
  ]);
}

function refuseBeforeEnd(state: NetworkCouncilState, what: string): Refusal | undefined {
  if (state.releasedAt)
    return { kind: 'illegal-transition', message: `${what} kan ikke registreres: den unge er allerede løsladt.` };
  if (NETWORK_COUNCIL_STATUS.isFinal(state.status))
    return {
      kind: 'illegal-transition',
      message: `${what} kan ikke registreres: netværkssamrådet er ${describeCouncilStatus(state.status)}.`,
    };
  return undefined;
}

export function refuseCouncilExpectedRelease(
  state: NetworkCouncilState,
  input: CouncilExpectedReleaseInput,
): Refusal | undefined {
  const ended = refuseBeforeEnd(state, 'Den forventede løsladelsesdato');
  if (ended) return ended;
  const date = parseLocalDate(input.expectedReleaseDate);
  if (!date) return { kind: 'invalid-data', message: 'Den forventede løsladelsesdato er ikke en gyldig dato.' };
  if (startOfDanishDay(date) < startOfDanishDay(danishDateOf(new Date(state.documentationReceivedAt))))
    return {
      kind: 'invalid-data',
      message: 'Den forventede løsladelsesdato ligger før modtagelsen af dokumentationen.',
    };
  return undefined;
}

export function refuseCouncilRelease(
  state: NetworkCouncilState,
  input: CouncilReleaseInput,
  now: Date,
): Refusal | undefined {
  return (
    refuseBeforeEnd(state, 'Løsladelsen') ??
    refuseMoment('Løsladelsestidspunktet', input.releasedAt, now, [
      { at: state.documentationReceivedAt, text: 'modtagelsen af dokumentationen' },
    ])
  );
}
