import { refuseEndingReason } from '../case/ending-reasons';
import type {
  AgreementSignedInput,
  AssessmentParty,
  AssessmentPartyInput,
  ExitCourseState,
  MentorAssignmentInput,
  MentorContactInput,
  PrisonTransferInput,
  HandoverDecisionInput,
  HandoverRedirectInput,
  PsychologistCourseInput,
  ReleaseInput,
  Readiness,
  ReadinessInput,
  ReadinessItem,
  ReleaseDateChangeInput,
  ReleasePlanInput,
  ExitCourseStatus,
  ExitCourseStepKind,
  InterruptionInput,
  StepState,
  SuitabilityAssessmentInput,
} from './exit-course.types';
import { ASSESSMENT_PARTIES, ASSESSMENT_PARTY_LABELS, EXIT_COURSE_STATUS, READINESS_ITEMS } from './exit-course.types';
import { REFERRAL_SOURCES, REFERRAL_SOURCE_LABELS, type ReferralSource } from './police-phase.types';
import { CLOCK_SKEW_MS, refuseMoment, type Refusal } from '../case/refusal';
import { STEP_KINDS } from '../case/step-kinds';
import { preparingHandover } from './handover-preparation.rules';
import { danishDateOf, formatDanishDate, formatLocalDate, parseLocalDate } from '../time/copenhagen-calendar';

/**
 * The transition rules of an exit course: pure functions the workflow's update validators call, so an
 * illegal transition is refused before anything changes. Each returns why a command is refused (Danish,
 * shown to the user) or `undefined` when it is allowed.
 */

export function describeStatus(status: ExitCourseStatus): string {
  return EXIT_COURSE_STATUS.text(status);
}

export function isFinal(status: ExitCourseStatus): boolean {
  return EXIT_COURSE_STATUS.isFinal(status);
}

export function openStep(state: ExitCourseState, kind: ExitCourseStepKind): StepState | undefined {
  return state.steps.find((step) => step.kind === kind && step.status === 'open');
}

/** The latest moment the course has recorded from stated facts: a new decision cannot be dated before it. */
function latestRecordedMoment(state: ExitCourseState): string {
  // A step the system opened on its own clock does not stop facts being registered with their real dates.
  const stated = state.steps.filter((step) => !STEP_KINDS[step.kind].systemOpened);
  const moments = [state.referredAt, ...stated.flatMap((step) => [step.openedAt, step.completedAt ?? step.openedAt])];
  return moments.reduce((latest, moment) => (Date.parse(moment) > Date.parse(latest) ? moment : latest));
}

/**
 * A decision's moment must be real, not in the future, not before the referral, and not before the
 * course's latest recorded fact — or, where facts may be logged afterwards in any order (mentor
 * contacts), not before `floor`.
 */
export function refuseCourseMoment(
  label: string,
  moment: string,
  state: ExitCourseState,
  now: Date,
  floor: { at: string; description: string } = {
    at: latestRecordedMoment(state),
    description: 'forløbets seneste registrering',
  },
): Refusal | undefined {
  return refuseMoment(label, moment, now, [
    { at: state.referredAt, text: 'forløbet blev henvist' },
    { at: floor.at, text: floor.description },
  ]);
}

/** Parties that have not yet given input to a parole-linked course's joint assessment. */
export function missingAssessmentParties(state: ExitCourseState): AssessmentParty[] {
  return state.paroleLinked ? ASSESSMENT_PARTIES.filter((party) => !state.assessmentInputs.includes(party)) : [];
}

export function refuseSuitabilityAssessment(
  state: ExitCourseState,
  input: SuitabilityAssessmentInput,
  now: Date,
): Refusal | undefined {
  if (!openStep(state, 'suitability_assessment')) {
    return {
      kind: 'illegal-transition',
      message: `Egnethedsvurderingen kan ikke registreres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  // Bander bag tremmer: parole depends on the course, so the offer must rest on a joint assessment.
  const missing = missingAssessmentParties(state);
  if (input.outcome === 'offer' && missing.length > 0) {
    return {
      kind: 'illegal-transition',
      message:
        'Et tilbud i et forløb knyttet til prøveløsladelse kræver udtalelser fra Kriminalforsorgen, politiet og kommunen. ' +
        `Mangler: ${missing.map((party) => ASSESSMENT_PARTY_LABELS[party]).join(', ')}.`,
    };
  }
  if (input.outcome === 'rejection') {
    const reason = refuseEndingReason('suitability_rejection', input, 'Et afslag skal have en begrundelse.');
    if (reason) return reason;
  }
  return refuseCourseMoment('Vurderingstidspunktet', input.decidedAt, state, now);
}

export function refuseInterruption(state: ExitCourseState, input: InterruptionInput, now: Date): Refusal | undefined {
  // Ended by the police exit unit, a course only waits for its reoffending check.
  if (isFinal(state.status) || state.status === 'police_course_ended') {
    return {
      kind: 'illegal-transition',
      message: `Forløbet kan ikke afbrydes: det er ${describeStatus(state.status)}.`,
    };
  }
  // While the police exit unit holds the case, it decides (it may close the course); the prison cannot.
  if (state.status === 'awaiting_handover_decision') {
    return {
      kind: 'illegal-transition',
      message: 'Forløbet kan ikke afbrydes: det er overdraget og afventer politiets exitenhed.',
    };
  }
  // The police exit unit runs it now: it ends with the police phase's outcome, not an interruption.
  if (state.status === 'police_course_active') {
    return {
      kind: 'illegal-transition',
      message: 'Forløbet kan ikke afbrydes: det køres nu af politiets exitenhed og afsluttes med et udfald.',
    };
  }
  // Outside prison there is no Kriminalforsorgen to interrupt: the starting unit's own "no" is a rejection.
  if (state.outsidePrison && input.by !== 'inmate') {
    return {
      kind: 'invalid-data',
      message:
        'Et forløb startet uden for fængslet kan kun afbrydes efter borgerens eget valg. Er borgeren ikke egnet, registreres et afslag i egnethedsvurderingen.',
    };
  }
  const reason = refuseEndingReason('interruption', input, 'En afbrydelse skal have en begrundelse.');
  if (reason) return reason;
  return refuseCourseMoment('Afbrydelsestidspunktet', input.interruptedAt, state, now);
}

/**
 * A CPR number standing as its own token (ten digits, with or without the dash). Bounded by non-alphanumerics
 * so that a UUID, whose hex groups may hold ten digits in a row, is never mistaken for one.
 */
const CPR_LIKE = /(^|[^0-9A-Za-z])\d{6}-?\d{4}($|[^0-9A-Za-z])/;

export interface CourseStartFacts {
  personRef: string;
  institutionCode: string;
  expectedReleaseDate: string;
  referredAt: string;
}

const invalidData = (message: string): Refusal => ({ kind: 'invalid-data', message });

/** A start's person: a pseudonymous reference, never a CPR number. */
function refuseStartPerson(personRef: string): Refusal | undefined {
  if (!CPR_LIKE.test(personRef)) return undefined;
  return invalidData(
    'Personreferencen ligner et CPR-nummer. Brug den pseudonyme personreference, aldrig CPR-nummer eller navn.',
  );
}

/** A start's referral: a real moment, not in the future. */
function refuseReferralMoment(referredAt: string, now: Date): Refusal | undefined {
  const moment = Date.parse(referredAt);
  if (Number.isNaN(moment)) return invalidData('Henvisningstidspunktet er ikke et gyldigt tidspunkt.');
  if (moment > now.getTime() + CLOCK_SKEW_MS) return invalidData('Henvisningstidspunktet ligger i fremtiden.');
  return undefined;
}

/** Why well-formed start data cannot be accepted (HTTP 422), or `undefined`. */
export function refuseCourseStart(
  facts: CourseStartFacts,
  now: Date,
  isKnownInstitution: (code: string) => boolean,
): Refusal | undefined {
  const person = refuseStartPerson(facts.personRef);
  if (person) return person;
  if (!isKnownInstitution(facts.institutionCode)) {
    return invalidData(`Institutionen '${facts.institutionCode}' kendes ikke.`);
  }
  if (!parseLocalDate(facts.expectedReleaseDate)) {
    return invalidData(`Den forventede løsladelsesdato '${facts.expectedReleaseDate}' er ikke en gyldig dato.`);
  }
  const moment = refuseReferralMoment(facts.referredAt, now);
  if (moment) return moment;
  if (facts.expectedReleaseDate < formatLocalDate(danishDateOf(new Date(Date.parse(facts.referredAt))))) {
    return invalidData('Den forventede løsladelsesdato ligger før henvisningen.');
  }
  return undefined;
}

/** Who may refer a course the police exit unit or a municipality starts outside prison (not Kriminalforsorgen). */
export const OUTSIDE_PRISON_REFERRAL_SOURCES = REFERRAL_SOURCES.filter(
  (source): source is Exclude<ReferralSource, 'kriminalforsorgen'> => source !== 'kriminalforsorgen',
);

export interface OutsidePrisonStartFacts {
  personRef: string;
  referralSource: string;
  referredAt: string;
}

/** Why well-formed data for a start outside prison cannot be accepted (HTTP 422), or `undefined`. */
export function refuseOutsidePrisonStart(facts: OutsidePrisonStartFacts, now: Date): Refusal | undefined {
  if (!(OUTSIDE_PRISON_REFERRAL_SOURCES as readonly string[]).includes(facts.referralSource)) {
    return invalidData(
      `Henvisningen »${REFERRAL_SOURCE_LABELS[facts.referralSource as ReferralSource] ?? facts.referralSource}« kan ikke starte et forløb uden for fængslet: ` +
        `vælg ${OUTSIDE_PRISON_REFERRAL_SOURCES.map((source) => REFERRAL_SOURCE_LABELS[source]).join(', ')}.`,
    );
  }
  return refuseStartPerson(facts.personRef) ?? refuseReferralMoment(facts.referredAt, now);
}

/** The course was started outside prison: the steps of a course in prison (release, transfer) do not apply. */
function refuseOutsidePrison(state: ExitCourseState, what: string): Refusal | undefined {
  if (!state.outsidePrison) return undefined;
  return {
    kind: 'illegal-transition',
    message: `${what}: forløbet er startet uden for fængslet og har ingen løsladelse.`,
  };
}

function refuseUnlessActive(state: ExitCourseState, what: string): Refusal | undefined {
  if (state.status === 'agreement_active') return undefined;
  return {
    kind: 'illegal-transition',
    message: `${what} kan ikke registreres: forløbet ${describeStatus(state.status)}.`,
  };
}

export function refuseAgreementSigned(
  state: ExitCourseState,
  input: AgreementSignedInput,
  now: Date,
): Refusal | undefined {
  if (!openStep(state, 'agreement_signing')) {
    return {
      kind: 'illegal-transition',
      message: `Underskriften kan ikke registreres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  return refuseCourseMoment('Underskriftstidspunktet', input.signedAt, state, now);
}

/** Mentor references are opaque ids, like person references. */
const MENTOR_REF = /^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/;

export function refuseMentorAssignment(
  state: ExitCourseState,
  input: MentorAssignmentInput,
  now: Date,
): Refusal | undefined {
  const inactive = refuseUnlessActive(state, 'Mentoren');
  if (inactive) return inactive;
  if (!MENTOR_REF.test(input.mentorRef)) {
    return {
      kind: 'invalid-data',
      message: 'Mentorens reference skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.',
    };
  }
  if (state.mentor.mentorRef === input.mentorRef) {
    return { kind: 'invalid-data', message: `${input.mentorRef} er allerede forløbets mentor.` };
  }
  return refuseCourseMoment('Tildelingstidspunktet', input.assignedAt, state, now);
}

export const MAX_MENTOR_CONTACT_MINUTES = 600;

export function refuseMentorContact(state: ExitCourseState, input: MentorContactInput, now: Date): Refusal | undefined {
  const organisation = input.organisation ?? 'kriminalforsorgen';
  if (state.status === 'police_course_active') {
    // After release the police's or the municipality's mentors hold the contacts.
    if (organisation === 'kriminalforsorgen') {
      return {
        kind: 'invalid-data',
        message: 'Mentorkontakten kan ikke registreres af Kriminalforsorgen: forløbet køres nu af politiets exitenhed.',
      };
    }
  } else {
    const inactive = refuseUnlessActive(state, 'Mentorkontakten');
    if (inactive) return inactive;
    if (organisation !== 'kriminalforsorgen') {
      return {
        kind: 'invalid-data',
        message: 'Mentorkontakten registreres af Kriminalforsorgen, så længe personen er i fængsel.',
      };
    }
    if (!state.mentor.mentorRef || !state.mentor.assignedAt) {
      return {
        kind: 'illegal-transition',
        message: 'Mentorkontakten kan ikke registreres: der er ikke tildelt en mentor.',
      };
    }
  }
  if (
    !Number.isInteger(input.durationMinutes) ||
    input.durationMinutes < 1 ||
    input.durationMinutes > MAX_MENTOR_CONTACT_MINUTES
  ) {
    return {
      kind: 'invalid-data',
      message: `Varigheden skal være et helt antal minutter fra 1 til ${MAX_MENTOR_CONTACT_MINUTES}.`,
    };
  }
  // Contacts are often logged afterwards and out of order: only the mentor's assignment (or, after release,
  // the start of the police phase) bounds them.
  const floor = state.policePhase
    ? { at: state.policePhase.startedAt, description: 'forløbets start hos politiets exitenhed' }
    : { at: state.mentor.assignedAt!, description: 'mentorens tildeling' };
  return refuseCourseMoment('Kontakttidspunktet', input.contactAt, state, now, floor);
}

export function refusePsychologistCourse(
  state: ExitCourseState,
  input: PsychologistCourseInput,
  now: Date,
): Refusal | undefined {
  const inactive = refuseUnlessActive(state, 'Psykologforløbet');
  if (inactive) return inactive;
  if (input.event === 'started' && state.psychologistCourse === 'ongoing') {
    return { kind: 'illegal-transition', message: 'Psykologforløbet er allerede i gang.' };
  }
  if (input.event === 'ended' && state.psychologistCourse !== 'ongoing') {
    return { kind: 'illegal-transition', message: 'Psykologforløbet kan ikke afsluttes: det er ikke i gang.' };
  }
  return refuseCourseMoment(input.event === 'started' ? 'Starttidspunktet' : 'Sluttidspunktet', input.at, state, now);
}

export function refuseAssessmentInput(
  state: ExitCourseState,
  input: AssessmentPartyInput,
  now: Date,
): Refusal | undefined {
  if (!openStep(state, 'suitability_assessment')) {
    return {
      kind: 'illegal-transition',
      message: `Udtalelsen kan ikke registreres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  if (state.outsidePrison) {
    return {
      kind: 'illegal-transition',
      message: 'Udtalelsen kan ikke registreres: et forløb uden for fængslet er ikke knyttet til prøveløsladelse.',
    };
  }
  if (!ASSESSMENT_PARTIES.includes(input.party)) return { kind: 'invalid-data', message: 'Ukendt part i vurderingen.' };
  if (state.assessmentInputs.includes(input.party)) {
    return {
      kind: 'illegal-transition',
      message: `Udtalelsen fra ${ASSESSMENT_PARTY_LABELS[input.party]} er allerede registreret.`,
    };
  }
  if (!input.summary.trim()) return { kind: 'invalid-data', message: 'Udtalelsen skal have et indhold.' };
  return refuseCourseMoment('Udtalelsens tidspunkt', input.recordedAt, state, now);
}

export function refusePrisonTransfer(
  state: ExitCourseState,
  input: PrisonTransferInput,
  now: Date,
): Refusal | undefined {
  const outside = refuseOutsidePrison(state, 'Overførslen kan ikke registreres');
  if (outside) return outside;
  if (!EXIT_COURSE_STATUS.inPrison(state.status)) {
    return {
      kind: 'illegal-transition',
      message: `Overførslen kan ikke registreres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  if (input.toInstitutionCode === state.institutionCode) {
    return { kind: 'invalid-data', message: 'Personen er allerede på den institution.' };
  }
  return refuseCourseMoment('Overførselstidspunktet', input.transferredAt, state, now);
}

/** The units a decision names are checked by the API (UnitReference) before it reaches the workflow. */
export function refuseReleasePlan(state: ExitCourseState, input: ReleasePlanInput): Refusal | undefined {
  const outside = refuseOutsidePrison(state, 'Løsladelsesplanen kan ikke ændres');
  if (outside) return outside;
  if (!EXIT_COURSE_STATUS.inPrison(state.status)) {
    return {
      kind: 'illegal-transition',
      message: `Løsladelsesplanen kan ikke ændres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  if (
    state.releasePlan?.municipalityCode === input.municipalityCode &&
    state.releasePlan?.policeDistrictCode === input.policeDistrictCode
  ) {
    return { kind: 'invalid-data', message: 'Løsladelsesplanen er uændret.' };
  }
  return undefined;
}

export function refuseReleaseDateChange(
  state: ExitCourseState,
  input: ReleaseDateChangeInput,
  now: Date,
): Refusal | undefined {
  const outside = refuseOutsidePrison(state, 'Løsladelsesdatoen kan ikke ændres');
  if (outside) return outside;
  if (!EXIT_COURSE_STATUS.inPrison(state.status)) {
    return {
      kind: 'illegal-transition',
      message: `Løsladelsesdatoen kan ikke ændres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  if (!parseLocalDate(input.expectedReleaseDate)) {
    return {
      kind: 'invalid-data',
      message: `Den nye løsladelsesdato '${input.expectedReleaseDate}' er ikke en gyldig dato.`,
    };
  }
  if (input.expectedReleaseDate < formatLocalDate(danishDateOf(now))) {
    return { kind: 'invalid-data', message: 'Den forventede løsladelsesdato ligger i fortiden.' };
  }
  if (input.expectedReleaseDate === state.expectedReleaseDate) {
    return {
      kind: 'invalid-data',
      message: `Den forventede løsladelsesdato er allerede ${formatDanishDate(parseLocalDate(input.expectedReleaseDate)!)}.`,
    };
  }
  if (!input.reason.trim())
    return { kind: 'invalid-data', message: 'En ændret løsladelsesdato skal have en begrundelse.' };
  return undefined;
}

export function refuseReadiness(state: ExitCourseState, input: ReadinessInput): Refusal | undefined {
  const outside = refuseOutsidePrison(state, 'Løsladelsesparatheden kan ikke ændres');
  if (outside) return outside;
  if (!EXIT_COURSE_STATUS.inPrison(state.status)) {
    return {
      kind: 'illegal-transition',
      message: `Løsladelsesparatheden kan ikke ændres: forløbet ${describeStatus(state.status)}.`,
    };
  }
  if (!READINESS_ITEMS.includes(input.item)) return { kind: 'invalid-data', message: 'Ukendt punkt på tjeklisten.' };
  return undefined;
}

export function missingReadiness(readiness: Readiness): ReadinessItem[] {
  return READINESS_ITEMS.filter((item) => !readiness[item]);
}

export function refuseRelease(state: ExitCourseState, input: ReleaseInput, now: Date): Refusal | undefined {
  const outside = refuseOutsidePrison(state, 'Løsladelsen kan ikke registreres');
  if (outside) return outside;
  if (state.status !== 'agreement_active') {
    return {
      kind: 'illegal-transition',
      message: `Løsladelsen kan ikke registreres: forløbet ${describeStatus(state.status)}. Uden indgået aftale afbrydes forløbet i stedet.`,
    };
  }
  const district = input.policeDistrictCode ?? state.releasePlan?.policeDistrictCode;
  const municipality = input.municipalityCode ?? state.releasePlan?.municipalityCode;
  if (!district || !municipality) {
    return {
      kind: 'invalid-data',
      message: 'Angiv politikreds og kommune for løsladelsen (eller en løsladelsesplan).',
    };
  }
  return refuseCourseMoment('Løsladelsestidspunktet', input.releasedAt, state, now);
}

export function refuseHandoverDecision(
  state: ExitCourseState,
  input: HandoverDecisionInput,
  now: Date,
): Refusal | undefined {
  if (state.status !== 'awaiting_handover_decision') {
    // Before the release: from the notice, once, by the release plan's district (preparingHandover).
    if (preparingHandover(state) && state.handoverPreparation?.decidedBeforeRelease) {
      return {
        kind: 'illegal-transition',
        message:
          'Overdragelsen er allerede afgjort før løsladelsen. Efter et afslag ændrer Kriminalforsorgen løsladelsesplanens politikreds; ellers afgøres den igen ved løsladelsen.',
      };
    }
    if (!preparingHandover(state)) {
      return {
        kind: 'illegal-transition',
        message: `Overdragelsen kan ikke afgøres: forløbet ${describeStatus(state.status)}.`,
      };
    }
    // Decided before the release by the plan's district: without a plan there is no district to decide.
    if (!state.releasePlan) {
      return {
        kind: 'illegal-transition',
        message: 'Overdragelsen kan ikke afgøres før løsladelsen: forløbet har ingen løsladelsesplan.',
      };
    }
  }
  // A course started outside prison, moved to another district: no prison to send a decline back to.
  if (state.outsidePrison && input.decision === 'decline') {
    return {
      kind: 'illegal-transition',
      message:
        'Et forløb startet uden for fængslet kan ikke afvises: overtag det og vælg "afsluttet" med en begrundelse, hvis det ikke skal videreføres.',
    };
  }
  const reason =
    input.decision === 'decline'
      ? refuseEndingReason('handover_decline', input, 'Et afslag på overdragelsen skal have en begrundelse.')
      : input.continuation === 'closed'
        ? refuseEndingReason('handover_closure', input, 'Et afsluttet forløb skal have en begrundelse.')
        : input.reasonCode !== undefined
          ? { kind: 'invalid-data' as const, message: 'Et videreført forløb har ingen årsag: lad årsagen være tom.' }
          : undefined;
  if (reason) return reason;
  return refuseCourseMoment('Afgørelsestidspunktet', input.decidedAt, state, now);
}

export function refuseHandoverRedirect(
  state: ExitCourseState,
  input: HandoverRedirectInput,
  now: Date,
): Refusal | undefined {
  if (state.status !== 'handover_declined') {
    return {
      kind: 'illegal-transition',
      message: `Sagen kan ikke overdrages igen: forløbet ${describeStatus(state.status)}.`,
    };
  }
  if (input.policeDistrictCode === state.handover?.policeDistrictCode) {
    return { kind: 'invalid-data', message: 'Politikredsen har netop afvist overdragelsen: vælg en anden.' };
  }
  return refuseCourseMoment('Overdragelsestidspunktet', input.redirectedAt, state, now);
}
