/**
 * The youth cases as the sources describe them (DOMAIN.md §2–5): the shared words of the DKS case's
 * outcomes, case levels, the police's documentation to the municipality, the network council's action plan,
 * the handover at 18 and the concern letters. The youth figures (per unit and month) read the audit trail
 * (`case_events`); these are the actions written and the details each carries (no personal data, no free
 * text in details):
 *
 * DKS case
 * - `dks_case_ended` — the case ends without a held visit. Details: `outcome` (DKS_CASE_OUTCOMES). With
 *   `reasonCode` (ending-reasons.ts) and `reason`.
 * - `dks_case_moved` — the youth has moved: the case goes to another district's DKS with its history and
 *   open deadlines. Details: `fromPoliceDistrictCode`, `toPoliceDistrictCode`.
 * - `social_services_participation_recorded` — the municipality's social services on a joint home visit.
 *   Details: `municipalityCode`, `participates` (boolean), `levelOneCaseRecorded` (boolean; the reference
 *   itself is stored sealed, never in details).
 *
 * Case levels (every youth case type)
 * - `case_level_set` — details: `level` (1 | 2 | 3), `previousLevel` (1 | 2 | 3 | null). A change has a reason.
 * - `level_one_reviewed` — a level-1 case reviewed at the unit's monthly coordination meeting. Details:
 *   `meetingDate` (YYYY-MM-DD).
 *
 * From police to municipality
 * - `police_documentation_sent` — written on the network council the documentation starts. Details:
 *   `senderUnit` (the police district), `senderFunction` (POLICE_SENDER_FUNCTIONS), `suspicion`.
 * - `network_council_registered` — details gain `documentationVia` (DOCUMENTATION_CHANNELS); absent on councils
 *   registered before it existed: `outside_system`.
 *
 * The network council's action plan
 * - `council_meeting_planned` — details: `plannedFor` (ISO instant).
 * - `council_initiative_agreed` — one per initiative. Details: `initiativeId`, `kind` (AGREEMENT_KINDS),
 *   `ownerOrganisation`, `ownerUnit`, `dueDate` (YYYY-MM-DD); the description is the event's `reason`.
 * - `council_initiative_followed_up` — details: `initiativeId`, `outcome` (INITIATIVE_FOLLOW_UP_OUTCOMES).
 * - `council_expected_release_set` — the youth in custody; details: `expectedReleaseDate` (YYYY-MM-DD).
 * - `council_youth_released` — the youth's release as the council registers it (the initiatives' owners get
 *   a release notice).
 *
 * Turning 18
 * - `adult_handover_decided` — the handover to the municipality's 18+ effort (SSP+). Details: `handedOver`
 *   (boolean), `municipalityCode`.
 *
 * Concern letters (case type `concern_letter`, one case per candidate; a round groups them)
 * - `concern_letter_proposed` — the candidate put on a round. Details: `roundId`, `proposedBy`
 *   (CONCERN_LETTER_PROPOSERS), `policeDistrictCode`.
 * - `concern_letter_decided` — the committee's joint decision. Details: `decision` (CONCERN_LETTER_DECISIONS),
 *   `participants` (comma-separated COMMITTEE_PARTIES), `roundId`.
 * - `concern_letter_delivery_attempted` — details: `result` (DELIVERY_RESULTS), `attempt` (1, 2, …).
 * - `parents_contacted` — Retsplejelovens § 115a. Details: `reached` (boolean).
 * - `concern_letter_followed_up` — the follow-up after the delivery or the parents' contact.
 * - `concern_letter_outcome_recorded` — details: `outcome` (CONCERN_LETTER_OUTCOMES), `exitCourseId` (when
 *   the outcome is an exit course: the course started from it, with referral source `concern_letter`).
 */

/** How a DKS case ends or moves without a held home visit (DOMAIN.md §5: home visits are voluntary). */
export const DKS_CASE_OUTCOMES = ['declined', 'not_reached', 'existing_action_plan'] as const;
export type DksCaseOutcome = (typeof DKS_CASE_OUTCOMES)[number];
export const DKS_CASE_OUTCOME_LABELS: Record<DksCaseOutcome, string> = {
  declined: 'familien takker nej til bekymringssamtalen',
  not_reached: 'familien kan ikke træffes',
  existing_action_plan: 'en eksisterende handleplan fortsætter',
};

/** The *enkeltsagskoncept* (003): level 1 risk behaviour, level 2 crime, level 3 qualified crime. */
export const CASE_LEVELS = [1, 2, 3] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];
export const CASE_LEVEL_LABELS: Record<`${CaseLevel}`, string> = {
  '1': 'niveau 1 – risikoadfærd',
  '2': 'niveau 2 – kriminalitet',
  '3': 'niveau 3 – kvalificeret kriminalitet (bandetilknytning, våben)',
};

/** Who at the police sends the documentation that a youth is suspected or charged. */
export const POLICE_SENDER_FUNCTIONS = ['dks', 'investigation'] as const;
export type PoliceSenderFunction = (typeof POLICE_SENDER_FUNCTIONS)[number];
export const POLICE_SENDER_FUNCTION_LABELS: Record<PoliceSenderFunction, string> = {
  dks: 'Den Kriminalpræventive Sektion (DKS)',
  investigation: 'den efterforskende enhed',
};

/** How the municipality got the police's documentation: sent through the system, or registered by hand. */
export const DOCUMENTATION_CHANNELS = ['system', 'outside_system'] as const;
export type DocumentationChannel = (typeof DOCUMENTATION_CHANNELS)[number];

export const INITIATIVE_FOLLOW_UP_OUTCOMES = ['done', 'ongoing', 'not_done'] as const;
export type InitiativeFollowUpOutcome = (typeof INITIATIVE_FOLLOW_UP_OUTCOMES)[number];
export const INITIATIVE_FOLLOW_UP_OUTCOME_LABELS: Record<InitiativeFollowUpOutcome, string> = {
  done: 'gennemført',
  ongoing: 'i gang',
  not_done: 'ikke gennemført',
};

/** Who may put a candidate on a concern-letter round (002, appendix 2). */
export const CONCERN_LETTER_PROPOSERS = ['police_intelligence', 'dks', 'ssp', 'municipal_exit_unit'] as const;
export type ConcernLetterProposer = (typeof CONCERN_LETTER_PROPOSERS)[number];
export const CONCERN_LETTER_PROPOSER_LABELS: Record<ConcernLetterProposer, string> = {
  police_intelligence: 'politiets efterretningssektion (EAS)',
  dks: 'Den Kriminalpræventive Sektion (DKS)',
  ssp: 'SSP',
  municipal_exit_unit: 'kommunens exitenhed',
};

/** The coordination committee's parties; a decision names those present. */
export const COMMITTEE_PARTIES = ['eas', 'dks', 'ssp', 'municipal_exit_unit'] as const;
export type CommitteeParty = (typeof COMMITTEE_PARTIES)[number];
export const COMMITTEE_PARTY_LABELS: Record<CommitteeParty, string> = {
  eas: 'EAS',
  dks: 'DKS',
  ssp: 'SSP',
  municipal_exit_unit: 'kommunens exitenhed',
};

export const CONCERN_LETTER_DECISIONS = ['send', 'not_send'] as const;
export type ConcernLetterDecision = (typeof CONCERN_LETTER_DECISIONS)[number];
export const CONCERN_LETTER_DECISION_LABELS: Record<ConcernLetterDecision, string> = {
  send: 'der sendes bekymringsbrev',
  not_send: 'der sendes ikke bekymringsbrev',
};

/** Each attempt to deliver the letter in person. */
export const DELIVERY_RESULTS = [
  'delivered_dialogue',
  'delivered_no_dialogue',
  'not_reached',
  'refused',
  'address_unknown',
] as const;
export type DeliveryResult = (typeof DELIVERY_RESULTS)[number];
export const DELIVERY_RESULT_LABELS: Record<DeliveryResult, string> = {
  delivered_dialogue: 'afleveret med dialog',
  delivered_no_dialogue: 'afleveret uden dialog',
  not_reached: 'ikke truffet',
  refused: 'afvist',
  address_unknown: 'ukendt adresse',
};

export const CONCERN_LETTER_OUTCOMES = ['exit_course', 'dialogue_no_course', 'no_dialogue'] as const;
export type ConcernLetterOutcome = (typeof CONCERN_LETTER_OUTCOMES)[number];
export const CONCERN_LETTER_OUTCOME_LABELS: Record<ConcernLetterOutcome, string> = {
  exit_course: 'exit-forløb startet',
  dialogue_no_course: 'dialog, men intet exit-forløb',
  no_dialogue: 'ingen dialog',
};
