import type { DeadlineRule } from './deadline-rule';

/**
 * Every deadline the system knows, with where it comes from. Deadlines fixed by law or binding practice
 * cannot be changed by configuration; those no source fixes are defaults an operator may set
 * (the environment variable named in `setting`, documented in docs/configuration.md).
 */
export type DeadlineName =
  | 'suitabilityAssessment'
  | 'agreementSigning'
  | 'mentorAssignment'
  | 'mentorContactCadence'
  | 'releaseNotice'
  | 'releaseReadiness'
  | 'handoverReport'
  | 'handoverDecision'
  | 'policePlan'
  | 'policeReview'
  | 'reoffendingCheck'
  | 'reoffendingCheckRecording'
  | 'dksAssessment'
  | 'dksHomeVisitPlanning'
  | 'dksFollowUpCheck'
  | 'networkCouncilConvening'
  | 'concernLetterDelivery'
  | 'concernLetterParentsContact'
  | 'concernLetterFollowUp'
  | 'levelOneReview'
  | 'adultHandover'
  | 'accessRequestAnswer';

export interface DeadlineDefinition {
  rule: DeadlineRule;
  /** What the deadline is, in Danish, for users and reports. */
  label: string;
  /** The source: a document in shared/seeds (see DOMAIN.md), or why it is a default. */
  source: string;
  /** `fixed`: set by law or binding practice; `default`: no source fixes it, so it is configurable. */
  basis: 'fixed' | 'default';
  /** Environment variable that overrides a configurable default. */
  setting?: string;
  /**
   * Whether a caseworker may suspend or extend the deadline of an open step (step-deadline.ts): only a
   * default may wait; a deadline fixed by law or binding practice never moves. `legalSource` names what
   * fixes it, in Danish, for the refusal ("Fristen er fastsat ved lov …") and for the SLA report.
   */
  movable: boolean;
  legalSource?: string;
}

export const DEADLINE_POLICY: Readonly<Record<DeadlineName, DeadlineDefinition>> = Object.freeze({
  suitabilityAssessment: {
    rule: { unit: 'calendar-days', days: 30 },
    label: 'Egnethedsvurdering',
    source:
      'Ingen frist er fastsat; Kriminalforsorgen kræver en grundig vurdering før og under opstart (000_289a880d7bb61c8a.txt). Standard 30 dage fra henvisning.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_SUITABILITY_ASSESSMENT_DAYS',
  },
  agreementSigning: {
    rule: { unit: 'calendar-days', days: 14 },
    label: 'Underskrift af exit-aftale',
    source:
      'Ingen frist er fastsat for underskrift efter tilbud (000_289a880d7bb61c8a.txt). Standard 14 dage fra tilbuddet.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_AGREEMENT_SIGNING_DAYS',
  },
  mentorAssignment: {
    rule: { unit: 'calendar-days', days: 14 },
    label: 'Tildeling af mentor',
    source:
      'Ingen frist er fastsat; de fleste aftaleholdere får en mentor (000_289a880d7bb61c8a.txt). Standard 14 dage fra underskrift.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_MENTOR_ASSIGNMENT_DAYS',
  },
  mentorContactCadence: {
    rule: { unit: 'calendar-days', days: 31 },
    label: 'Mentorkontakt',
    source:
      'Mentor og aftaleholder mødes typisk 1-2 gange om måneden (000_289a880d7bb61c8a.txt). Standard 31 dage uden kontakt.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_MENTOR_CONTACT_CADENCE_DAYS',
  },
  releaseNotice: {
    rule: { unit: 'calendar-days', days: 30 },
    label: 'Varsel om løsladelse',
    source:
      'Kommunerne får til tider ikke besked før en løsladelse (Den gode løsladelse, 003_6c7327a7c185bb1e.txt). Standard: varsel 30 dage før forventet løsladelse.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_RELEASE_NOTICE_DAYS',
  },
  releaseReadiness: {
    rule: { unit: 'calendar-days', days: 7 },
    label: 'Klar til løsladelse',
    source:
      'Løsladte står til tider uden bolig, penge og plan (Den gode løsladelse, 003_6c7327a7c185bb1e.txt). Standard: bolig, forsørgelse, job-/uddannelsesplan og mentorkontinuitet på plads 7 dage før løsladelse.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_RELEASE_READINESS_DAYS',
  },
  handoverReport: {
    rule: { unit: 'calendar-days', days: 14 },
    label: 'Overdragelsesrapport til politiets exitenhed og kommunen',
    source:
      'Forløbet overdrages ved løsladelsen til politiets exitenhed, ofte i samarbejde med kommunen og kriminalforsorgen (000_289a880d7bb61c8a.txt); ingen kilde fastsætter, hvornår overdragelsen forberedes. Standard: rapporten foreligger 14 dage før den forventede løsladelse.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_HANDOVER_REPORT_DAYS',
  },
  handoverDecision: {
    rule: { unit: 'calendar-days', days: 7 },
    label: 'Politiets exitenheds stillingtagen til overdragelse',
    source:
      'Ingen frist er fastsat for exitenhedens beslutning om videreførelse (000_289a880d7bb61c8a.txt). Standard 7 dage.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_HANDOVER_DECISION_DAYS',
  },
  policePlan: {
    rule: { unit: 'calendar-days', days: 30 },
    label: 'Plan for det videreførte forløb hos politiets exitenhed',
    source:
      'Ingen frist er fastsat for exitenhedens plan, når forløbet videreføres efter løsladelsen (000_289a880d7bb61c8a.txt). Standard 30 dage fra politifasens start.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_POLICE_PLAN_DAYS',
  },
  policeReview: {
    rule: { unit: 'calendar-days', days: 91 },
    label: 'Opfølgning på det videreførte forløb',
    source:
      'Ingen frist er fastsat for opfølgning i forløbet hos politiets exitenhed (000_289a880d7bb61c8a.txt). Standard: hver tredje måned (91 dage) fra politifasens start og fra hver opfølgning.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_POLICE_REVIEW_DAYS',
  },
  reoffendingCheck: {
    rule: { unit: 'calendar-days', days: 365 },
    label: 'Tilbagefaldskontrol efter forløbets afslutning',
    source:
      'Ministeriet kunne ikke sige, hvor mange forløb der lykkedes (000_289a880d7bb61c8a.txt). Standard: tilbagefald kontrolleres 12 måneder (365 dage) efter afslutningen hos politiets exitenhed.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_REOFFENDING_CHECK_DAYS',
  },
  reoffendingCheckRecording: {
    rule: { unit: 'calendar-days', days: 14 },
    label: 'Registrering af tilbagefaldskontrol',
    source:
      'Ingen frist er fastsat. Standard: tilbagefaldskontrollen registreres senest 14 dage efter, at den er åbnet.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_REOFFENDING_CHECK_RECORDING_DAYS',
  },
  dksAssessment: {
    rule: { unit: 'elapsed-hours', hours: 24 },
    label: 'DKS-vurdering af bekymringssamtale',
    source: 'DKS vurderer inden for 24 timer i alle bandesager med unge under 18 (002_d1b2805bd8bef008.txt).',
    basis: 'fixed',
    movable: false,
    legalSource: 'DKS-vurdering inden for 24 timer i bandesager med unge under 18 (002_d1b2805bd8bef008.txt)',
  },
  dksHomeVisitPlanning: {
    rule: { unit: 'calendar-days', days: 7 },
    label: 'Planlægning af hjemmebesøg (bekymringssamtale)',
    source:
      'Ingen frist er fastsat for, hvornår bekymringssamtalen holdes efter DKS-vurderingen (002_d1b2805bd8bef008.txt). Standard: planlagt (eller holdt) inden 7 dage, så sagen ikke ligger uden et åbent trin.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_DKS_HOME_VISIT_PLANNING_DAYS',
  },
  dksFollowUpCheck: {
    rule: { unit: 'calendar-days', days: 14 },
    label: 'Opfølgningstjek efter hjemmebesøg',
    source: 'Opfølgningstjek senest to uger efter hjemmebesøget (002_d1b2805bd8bef008.txt).',
    basis: 'fixed',
    movable: false,
    legalSource: 'opfølgningstjek senest to uger efter hjemmebesøget (002_d1b2805bd8bef008.txt)',
  },
  networkCouncilConvening: {
    rule: { unit: 'calendar-days', days: 7 },
    label: 'Indkaldelse til netværkssamråd',
    source:
      'Kommunen indkalder senest 7 dage efter modtagelse af dokumentation fra politiet (003_6c7327a7c185bb1e.txt).',
    basis: 'fixed',
    movable: false,
    legalSource:
      'netværkssamråd senest 7 dage efter modtagelse af dokumentation fra politiet (003_6c7327a7c185bb1e.txt)',
  },
  concernLetterDelivery: {
    rule: { unit: 'calendar-days', days: 28 },
    label: 'Aflevering af bekymringsbrev',
    source:
      'Politiets exitenhed afleverer brevet personligt efter koordinationsudvalgets beslutning (002_d1b2805bd8bef008.txt, bilag 2); ingen kilde fastsætter fristen; konfigurerbar standard: 28 dage fra beslutningen.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_CONCERN_LETTER_DELIVERY_DAYS',
  },
  concernLetterParentsContact: {
    rule: { unit: 'calendar-days', days: 14 },
    label: 'Kontakt til forældrene (retsplejelovens § 115a)',
    source:
      'Kan personen ikke træffes eller afviser, kontaktes forældrene efter retsplejelovens § 115a (002_d1b2805bd8bef008.txt, bilag 2); ingen kilde fastsætter fristen; konfigurerbar standard: 14 dage fra afleveringsforsøget.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_CONCERN_LETTER_PARENTS_CONTACT_DAYS',
  },
  concernLetterFollowUp: {
    rule: { unit: 'calendar-days', days: 56 },
    label: 'Opfølgning på bekymringsbrev',
    source:
      'Målet er dialog og nye exit-forløb (002_d1b2805bd8bef008.txt, bilag 2); ingen kilde fastsætter fristen; konfigurerbar standard: 56 dage (8 uger, til næste runde) fra afleveringen eller kontakten til forældrene.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_CONCERN_LETTER_FOLLOW_UP_DAYS',
  },
  levelOneReview: {
    // `days` is the day of the month (31, or more: the month's last day), see case-level.rules.ts.
    rule: { unit: 'calendar-days', days: 31 },
    label: 'Gennemgang på det månedlige koordinationsmøde (niveau 1)',
    source:
      'Ingen kilde fastsætter dagen; 003_6c7327a7c185bb1e.txt siger, at niveau 1-sager behandles på månedlige koordinationsmøder. Standard: senest ved udgangen af hver måned.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_LEVEL_ONE_REVIEW_DAYS',
  },
  adultHandover: {
    rule: { unit: 'calendar-days', days: 14 },
    label: 'Overdragelse til kommunens 18+-indsats (SSP+)',
    source:
      'Ingen kilde fastsætter en frist for overdragelsen, når den unge fylder 18 (DOMAIN.md §2–3: ordningerne gælder unge under 18). Standard 14 dage fra 18-års fødselsdagen.',
    basis: 'default',
    movable: true,
    setting: 'DEADLINE_ADULT_HANDOVER_DAYS',
  },
  accessRequestAnswer: {
    rule: { unit: 'calendar-months', months: 1 },
    label: 'Svar på anmodning om indsigt',
    source:
      'Databeskyttelsesforordningens art. 12, stk. 3: svar uden unødig forsinkelse og senest en måned efter modtagelsen (art. 15); fristen kan forlænges med to måneder, når det er nødvendigt, med besked til den registrerede. Retshåndhævelseslovens §§ 15–16 (politiet, Kriminalforsorgen) fastsætter indsigtsretten og dens begrænsninger; systemet bruger samme frist på en måned.',
    basis: 'fixed',
    movable: false,
    legalSource: 'databeskyttelsesforordningens art. 12, stk. 3',
  },
});

/**
 * The deadline rules in force for one case, fixed when the case starts and carried in the workflow's
 * input: a later change of configuration never moves the deadlines of running cases (and replay stays exact).
 */
export type DeadlinePolicySnapshot = Record<DeadlineName, DeadlineRule>;

export function defaultDeadlinePolicy(): DeadlinePolicySnapshot {
  const snapshot = {} as DeadlinePolicySnapshot;
  for (const [name, definition] of Object.entries(DEADLINE_POLICY) as [DeadlineName, DeadlineDefinition][]) {
    snapshot[name] = { ...definition.rule };
  }
  return snapshot;
}

/**
 * The policy with configurable defaults overridden from the environment. An override must be a whole
 * number of days from 1 to 365; anything else stops start-up with a message naming the variable.
 */
export function deadlinePolicyFromEnvironment(env: Record<string, string | undefined>): DeadlinePolicySnapshot {
  const snapshot = defaultDeadlinePolicy();
  for (const [name, definition] of Object.entries(DEADLINE_POLICY) as [DeadlineName, DeadlineDefinition][]) {
    if (definition.basis !== 'default' || !definition.setting) continue;
    const raw = env[definition.setting];
    if (raw === undefined || raw === '') continue;
    const days = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || days < 1 || days > 365) {
      throw new Error(`${definition.setting} must be a whole number of days from 1 to 365, got '${raw}'.`);
    }
    snapshot[name] = { unit: 'calendar-days', days };
  }
  return snapshot;
}
