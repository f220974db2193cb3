import { choiceLabel } from './reference.js';

/**
 * Danish words for the history's actions and details. Organisations, units, case types, step kinds and
 * the names of the cases' values (readiness items, parties, participant roles …) come from the API
 * (reference.js), from the tables the server uses.
 */
export const HISTORY_ACTIONS = {
  case_started: 'Forløbet er startet',
  step_opened: 'Trin åbnet',
  step_due_soon: 'Fristen nærmer sig',
  step_overdue: 'Fristen er overskredet',
  step_completed: 'Trin afsluttet',
  step_cancelled: 'Trin annulleret',
  suitability_offer: 'Egnethedsvurdering: tilbud om exit-aftale',
  suitability_rejection: 'Egnethedsvurdering: afslag',
  course_interrupted: 'Forløbet er afbrudt',
  assessment_input_recorded: 'Udtalelse til den fælles vurdering',
  agreement_signed: 'Exit-aftalen er underskrevet',
  mentor_assigned: 'Mentor tildelt',
  mentor_changed: 'Mentor skiftet',
  mentor_contact_logged: 'Mentorkontakt registreret',
  psychologist_course_started: 'Psykologforløb startet',
  psychologist_course_ended: 'Psykologforløb afsluttet',
  prison_transfer: 'Overført til andet fængsel',
  release_plan_set: 'Løsladelsesplan angivet',
  expected_release_date_changed: 'Forventet løsladelsesdato ændret',
  readiness_updated: 'Tjekliste for løsladelse opdateret',
  release_notice_sent: 'Varsel om løsladelse sendt',
  step_rescheduled: 'Frist flyttet',
  released: 'Løsladt',
  handed_over: 'Overdraget til politiets exitenhed',
  handover_accepted: 'Overdragelsen er overtaget',
  handover_declined: 'Overdragelsen er afvist',
  police_course_started: 'Forløbet køres af politiets exitenhed',
  police_plan_recorded: 'Plan for forløbet registreret',
  police_review_recorded: 'Opfølgning registreret',
  police_course_ended: 'Forløbet er afsluttet hos politiets exitenhed',
  reoffending_checked: 'Tilbagefaldskontrol registreret',
  dks_case_registered: 'DKS-sag registreret',
  dks_assessed: 'DKS-vurdering foretaget',
  home_visit_planned: 'Hjemmebesøg planlagt',
  home_visit_held: 'Hjemmebesøg holdt',
  follow_up_checked: 'Opfølgningstjek foretaget',
  network_council_registered: 'Dokumentation modtaget; netværkssamråd registreret',
  council_convened: 'Netværkssamråd indkaldt',
  council_meeting_held: 'Netværkssamråd holdt',
  council_agreement_made: 'Aftale indgået',
  deadline_suspended: 'Fristen er sat i bero',
  deadline_resumed: 'Fristen er genoptaget',
  deadline_extended: 'Fristen er forlænget',
  deadline_missed_reason: 'Årsag til overskredet frist registreret',
  dks_case_ended: 'DKS-sag afsluttet uden hjemmebesøg',
  dks_case_moved: 'DKS-sag flyttet til en anden politikreds',
  social_services_participation_recorded: 'Socialforvaltningens deltagelse registreret',
  concern_letter_proposed: 'Kandidat indstillet til bekymringsbrev',
  concern_letter_decided: 'Koordinationsudvalgets beslutning',
  concern_letter_delivery_attempted: 'Forsøg på at aflevere bekymringsbrevet',
  parents_contacted: 'Forældrene kontaktet (retsplejelovens § 115a)',
  concern_letter_followed_up: 'Opfølgning på bekymringsbrevet',
  concern_letter_outcome_recorded: 'Udfald af bekymringsbrevet',
  police_documentation_sent: 'Dokumentation sendt af politiet i systemet',
  council_meeting_planned: 'Netværkssamrådets møde planlagt',
  council_initiative_agreed: 'Initiativ aftalt i handleplanen',
  council_initiative_followed_up: 'Initiativ fulgt op',
  council_expected_release_set: 'Forventet løsladelse registreret',
  council_youth_released: 'Den unge er løsladt',
  access_request_received: 'Anmodning om indsigt modtaget',
  access_request_extended: 'Svarfristen er forlænget',
  access_request_decided: 'Anmodningen om indsigt er besvaret',
};

/** Names of the details the history shows; others are shown with their code. */
export const DETAIL_LABELS = {
  dueAt: 'Frist',
  trigger: 'Anledning',
  notReady: 'Ikke klar',
  paroleLinked: 'Prøveløsladelse',
  institutionCode: 'Institution',
  releasedAt: 'Løsladt',
  by: 'Afbrudt af',
  outcome: 'Resultat',
  suspicion: 'Mistanke',
  mentorRef: 'Mentor',
  durationMinutes: 'Minutter',
  form: 'Form',
  item: 'Punkt',
  ready: 'På plads',
  note: 'Bemærkning',
  municipalityCode: 'Kommune',
  policeDistrictCode: 'Politikreds',
  toInstitutionCode: 'Til institution',
  fromInstitutionCode: 'Fra institution',
  expectedReleaseDate: 'Forventet løsladelse',
  continuation: 'Videre forløb',
  concernConversation: 'Bekymringssamtale',
  plannedFor: 'Planlagt til',
  initiatives: 'Initiativer',
  findings: 'Resultat',
  withSocialServices: 'Med socialforvaltningen',
  party: 'Part',
  summary: 'Udtalelse',
  missing: 'Mangler',
  kind: 'Trin',
  description: 'Aftale',
  role: 'Rolle',
  waitReason: 'Årsag',
  missedReason: 'Årsag',
  previousDueAt: 'Tidligere frist',
  suspendedAt: 'I bero siden',
  expectedUntil: 'Forventet afsluttet',
  suspendedMs: 'Tid i bero',
  via: 'Begyndt ved',
  runBy: 'Kører forløbet',
  review: 'Opfølgning nr.',
  toPoliceDistrictCode: 'Ny politikreds',
  organisation: 'Mentor fra',
  reoffended: 'Ny kriminalitet',
  fromPoliceDistrictCode: 'Fra politikreds',
  participates: 'Socialforvaltningen deltager',
  levelOneCaseRecorded: 'Niveau 1-sag registreret',
  roundId: 'Runde',
  proposedBy: 'Indstillet af',
  decision: 'Beslutning',
  result: 'Resultat',
  attempt: 'Forsøg nr.',
  reached: 'Truffet',
  exitCourseId: 'Exit-forløb',
  senderUnit: 'Sendt af',
  senderFunction: 'Afsender',
  documentationVia: 'Dokumentationen kom',
  ownerOrganisation: 'Ejerens myndighed',
  ownerUnit: 'Ejer',
  dueDate: 'Frist',
  initiativeId: 'Initiativ',
  channel: 'Kanal',
  withholdingGround: 'Retlig grund',
  months: 'Måneder',
};

/** Yes and no, as the history writes a detail that is true or false. */
const YES_NO = { true: 'ja', false: 'nej' };

/**
 * Which of the API's lists of choices (reference.js `choices`) names the values of a history detail:
 * the names themselves come from the server, from the table beside each value list in libs/domain.
 */
const DETAIL_CHOICES = {
  item: 'readinessItems',
  notReady: 'readinessItems',
  missing: 'readinessItems',
  party: 'assessmentParties',
  by: 'interruptionBy',
  continuation: 'handoverContinuations',
  form: 'mentorContactForms',
  trigger: 'dksTriggers',
  suspicion: 'suspicions',
  participants: 'participantRoles',
  waitReason: 'deadlineWaitReasons',
  missedReason: 'missedDeadlineReasons',
  runBy: 'policePlanRunners',
  organisation: 'mentorOrganisations',
  // Only a DKS case's ending is named from the list; other outcomes are not in it and show as before.
  outcome: 'dksCaseOutcomes',
  proposedBy: 'concernLetterProposers',
  decision: 'concernLetterDecisions',
  result: 'deliveryResults',
  senderFunction: 'policeSenderFunctions',
  ownerOrganisation: 'initiativeOwnerOrganisations',
  channel: 'accessRequestChannels',
  withholdingGround: 'withholdingGrounds',
};

/** The Danish name of one value of a history detail (`item: housing` → `bolig`), or undefined for none. */
export function detailValueLabel(key, value) {
  const text = String(value);
  if (key === 'suspendedMs') return durationText(Number(value));
  if (DETAIL_CHOICES[key]) return choiceLabel(DETAIL_CHOICES[key], text);
  return YES_NO[text];
}

/** Elapsed milliseconds in words: "2 døgn 3 timer", "47 timer", "5 minutter". */
function durationText(ms) {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minut' : 'minutter'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} ${hours === 1 ? 'time' : 'timer'}${rest ? ` ${rest} min.` : ''}`;
}
