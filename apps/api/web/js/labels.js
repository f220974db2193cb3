/**
 * Danish words for the API's codes, for filters and the history. The step kinds mirror the one table in
 * libs/domain/case-record/step-kinds.ts (the API sends labels with every step; these name the filter).
 */
export const ORGANISATIONS = [
  ['kriminalforsorgen', 'Kriminalforsorgen'],
  ['politi', 'Politiet'],
  ['kommune', 'Kommunerne'],
];

export const CASE_TYPES = [
  ['exit_course', 'Exit-forløb'],
  ['dks_assessment', 'DKS-sag'],
  ['network_council', 'Netværkssamråd'],
];

export const STEP_KINDS = [
  ['suitability_assessment', 'Egnethedsvurdering', 'exit_course'],
  ['agreement_signing', 'Underskrift af exit-aftale', 'exit_course'],
  ['mentor_assignment', 'Tildeling af mentor', 'exit_course'],
  ['mentor_contact', 'Mentorkontakt', 'exit_course'],
  ['release_preparation', 'Klar til løsladelse', 'exit_course'],
  ['handover_decision', 'Politiets exitenheds stillingtagen til overdragelse', 'exit_course'],
  ['handover_redirect', 'Ny overdragelse efter afvisning', 'exit_course'],
  ['dks_assessment', 'DKS-vurdering af bekymringssamtale', 'dks_assessment'],
  ['home_visit', 'Hjemmebesøg (planlagt tidspunkt)', 'dks_assessment'],
  ['follow_up_check', 'Opfølgningstjek efter hjemmebesøg', 'dks_assessment'],
  ['network_council_convening', 'Indkaldelse til netværkssamråd', 'network_council'],
];

/** The case page's route segment per case type (the API's resource name). */
export const CASE_RESOURCES = { exit_course: 'exit-courses', dks_assessment: 'dks-cases', network_council: 'network-councils' };

export const HISTORY_ACTIONS = {
  case_started: 'Forløbet er startet',
  step_opened: 'Trin åbnet',
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
  dks_case_registered: 'DKS-sag registreret',
  dks_assessed: 'DKS-vurdering foretaget',
  home_visit_planned: 'Hjemmebesøg planlagt',
  home_visit_held: 'Hjemmebesøg holdt',
  follow_up_checked: 'Opfølgningstjek foretaget',
  network_council_registered: 'Dokumentation modtaget; netværkssamråd registreret',
  council_convened: 'Netværkssamråd indkaldt',
  council_meeting_held: 'Netværkssamråd holdt',
  council_agreement_made: 'Aftale indgået',
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
};

export const VALUE_LABELS = {
  true: 'ja',
  inmate: 'den indsatte',
  charged: 'sigtet',
  concerning_behaviour: 'bekymrende adfærd',
  suspected: 'mistænkt',
  false: 'nej',
  meeting: 'møde',
  phone: 'telefon',
  housing: 'bolig',
  income: 'forsørgelse',
  job_or_education_plan: 'job- eller uddannelsesplan',
  mentor_continuity: 'mentorkontinuitet',
  with_municipality: 'videreført med kommunen',
  municipal_exit_programme: 'videreført i kommunens exitprogram',
  closed: 'afsluttet',
  kriminalforsorgen: 'Kriminalforsorgen',
  police: 'politiet',
  municipality: 'kommunen',
  youth: 'den unge',
  parents: 'forældre',
  school: 'skole',
  ssp: 'SSP',
  social_services: 'socialforvaltningen',
  mentor: 'mentor',
  other: 'andet',
  support_in_custody: 'støtte under varetægt',
  support_at_release: 'støtte ved løsladelse',
  mentor_support: 'mentorstøtte',
};

export function stepKindLabel(kind) {
  return STEP_KINDS.find(([code]) => code === kind)?.[1] ?? kind;
}
