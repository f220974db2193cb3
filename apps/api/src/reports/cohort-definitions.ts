/**
 * What each cohort figure counts, in Danish, in one place: the report serves these texts beside the
 * figures, the page shows them, and the answer to question 1903 quotes them (docs/figures.md has the same
 * in English). The cohort is the courses whose exit agreement was entered in the period; each is counted
 * in the state it had at the end of the day the figures are made up as of (`asOf`).
 */
export const COHORT_FIGURES = [
  'agreementsEntered',
  'persons',
  'personsWithMoreThanOneAgreement',
  'stillAtKriminalforsorgen',
  'interruptedByInmate',
  'interruptedByKriminalforsorgen',
  'handedOver',
  'handoverAwaitingDecision',
  'handoverClosedAtOnce',
  'continuedByPolice',
  'startedOutsidePrison',
  'runningWithPolice',
  'endedWithPolice',
  'completed',
  'droppedOut',
  'droppedOutWithPolice',
  'reoffended',
  'notReoffended',
  'reoffendingNotChecked',
] as const;
export type CohortFigure = (typeof COHORT_FIGURES)[number];

export interface CohortDefinitionText {
  label: string;
  definition: string;
}

export const COHORT_DEFINITIONS: Record<CohortFigure, CohortDefinitionText> = {
  agreementsEntered: {
    label: 'Exit-aftaler indgået',
    definition:
      'Forløb, hvor exit-aftalen er indgået (underskrevet) fra og med fra-datoen til og med til-datoen. Det er kohorten: alle øvrige tal siger, hvad der pr. opgørelsesdatoen er blevet af netop disse forløb.',
  },
  persons: {
    label: 'Personer med exit-aftale',
    definition: 'Forskellige personer bag kohortens exit-aftaler. En person kan have indgået flere exit-aftaler.',
  },
  personsWithMoreThanOneAgreement: {
    label: 'Personer med mere end én aftale',
    definition: 'Personer, der har indgået to eller flere af kohortens exit-aftaler.',
  },
  stillAtKriminalforsorgen: {
    label: 'Fortsat i Kriminalforsorgen',
    definition:
      'Forløb, der pr. opgørelsesdatoen hverken er afbrudt eller overdraget til politiets exitenhed: den indsatte er endnu ikke løsladt fra forløbet.',
  },
  interruptedByInmate: {
    label: 'Afbrudt af den indsatte',
    definition: 'Forløb, som den indsatte selv har afbrudt under afsoningen, efter at exit-aftalen var indgået.',
  },
  interruptedByKriminalforsorgen: {
    label: 'Afbrudt af Kriminalforsorgen',
    definition: 'Forløb, som Kriminalforsorgen har afbrudt under afsoningen, efter at exit-aftalen var indgået.',
  },
  handedOver: {
    label: 'Overdraget til politiets exitenhed',
    definition:
      'Forløb, der ved løsladelsen er overdraget til en lokal exitenhed ved politiet: den indsatte har overholdt exit-aftalen frem til løsladelsen. Et forløb tælles én gang, også hvis det er overdraget igen efter et afslag eller en flytning.',
  },
  handoverAwaitingDecision: {
    label: 'Overdraget, afventer exitenhedens beslutning',
    definition:
      'Overdragne forløb, hvor politiets exitenhed pr. opgørelsesdatoen endnu ikke har besluttet, om forløbet skal videreføres (også efter et afslag, indtil en ny exitenhed har besluttet).',
  },
  handoverClosedAtOnce: {
    label: 'Overdraget, afsluttet straks af exitenheden',
    definition: 'Overdragne forløb, som politiets exitenhed har besluttet ikke at videreføre.',
  },
  continuedByPolice: {
    label: 'Videreført af politiets exitenhed',
    definition:
      'Overdragne forløb, som politiets exitenhed har besluttet at videreføre (sammen med kommunen eller i kommunens eget exitprogram).',
  },
  startedOutsidePrison: {
    label: 'Startet uden for fængslet',
    definition:
      'Forløb, som politiets exitenhed eller kommunen selv har startet (henvist af politiet, kommunen, ved selvhenvendelse eller bekymringsbrev) og som er gået direkte til forløbet hos politiet uden en overdragelse fra Kriminalforsorgen.',
  },
  runningWithPolice: {
    label: 'Fortsat i gang hos politiet',
    definition:
      'Videreførte forløb og forløb startet uden for fængslet, som politiets exitenhed pr. opgørelsesdatoen ikke har afsluttet. En flytning til en anden politikreds afslutter ikke forløbet.',
  },
  endedWithPolice: {
    label: 'Afsluttet hos politiet',
    definition:
      'Forløb hos politiet, der er afsluttet med et udfald (gennemført, frafaldet, afsluttet af politiet, ny kriminalitet eller varetægt, andet). Det seneste udfald, der ikke er en flytning, tæller; en exitenhed, der efter en flytning afslutter forløbet straks, tæller som afsluttet af politiet.',
  },
  completed: {
    label: 'Gennemført (succesfuldt)',
    definition:
      'Forløb, som politiets exitenhed har afsluttet med udfaldet »gennemført«. Det er systemets svar på, hvor mange forløb der har været succesfulde.',
  },
  droppedOut: {
    label: 'Faldet fra',
    definition:
      'Deltagere, der selv har forladt forløbet: forløb afbrudt af den indsatte under afsoningen plus forløb hos politiet afsluttet med udfaldet »frafaldet (borgerens eget valg)«. Forløb afbrudt af Kriminalforsorgen eller afsluttet af politiet er ikke frafald.',
  },
  droppedOutWithPolice: {
    label: 'Faldet fra hos politiet',
    definition: 'Forløb hos politiet afsluttet med udfaldet »frafaldet (borgerens eget valg)«.',
  },
  reoffended: {
    label: 'Ny kriminalitet ved opfølgningen',
    definition:
      'Forløb, hvor den seneste opfølgning (12 måneder efter forløbets afslutning hos politiet) har registreret ny kriminalitet.',
  },
  notReoffended: {
    label: 'Ingen ny kriminalitet ved opfølgningen',
    definition: 'Forløb, hvor den seneste opfølgning har registreret, at der ikke er begået ny kriminalitet.',
  },
  reoffendingNotChecked: {
    label: 'Opfølgning ikke foretaget endnu',
    definition:
      'Forløb afsluttet med et udfald hos politiets exitenhed, hvor opfølgningen om ny kriminalitet endnu ikke er registreret (et forløb, som en ny politikreds afslutter straks efter en flytning, følges ikke op).',
  },
};

/** How mentor hours are split: all of them, and before and after the course's release. */
export const MENTOR_HOUR_PARTS = ['all', 'before_release', 'after_release'] as const;
export type MentorHourPart = (typeof MENTOR_HOUR_PARTS)[number];

export const MENTOR_HOUR_DEFINITIONS: Record<MentorHourPart, CohortDefinitionText> = {
  all: {
    label: 'Mentortimer i alt',
    definition:
      'Varigheden af alle registrerede mentorkontakter (møder og telefonsamtaler, Kriminalforsorgens, politiets og kommunens mentorer) i kohortens forløb til og med opgørelsesdatoen.',
  },
  before_release: {
    label: 'Mentortimer før løsladelsen',
    definition: 'Mentorkontakter før forløbets løsladelse (alle kontakter i et forløb, der ikke er løsladt).',
  },
  after_release: {
    label: 'Mentortimer efter løsladelsen',
    definition: 'Mentorkontakter på eller efter tidspunktet for forløbets løsladelse.',
  },
};

export const MENTOR_HOURS_PER_PERSON_DEFINITION =
  'Timer pr. person lægger hver persons timer sammen over personens forløb i kohorten. Gennemsnit og median er beregnet over alle personer med exit-aftale (også dem uden mentorkontakt, med 0 timer) og over de personer, der har haft mindst én mentorkontakt i den pågældende del. Timer er afrundet til 2 decimaler.';

export const COHORT_INSTITUTION_DEFINITION =
  'Pr. institution: den institution, der havde forløbet, da exit-aftalen blev indgået (en senere overflytning flytter ikke forløbet). Pr. henvisning: hvem der henviste til forløbet; uden angivelse Kriminalforsorgen.';

/** The definitions as the report serves them, in the figures' order. */
export function cohortDefinitions(): { figure: string; label: string; definition: string }[] {
  return [
    ...COHORT_FIGURES.map((figure) => ({ figure, ...COHORT_DEFINITIONS[figure] })),
    ...MENTOR_HOUR_PARTS.map((part) => ({ figure: `mentorHours.${part}`, ...MENTOR_HOUR_DEFINITIONS[part] })),
    { figure: 'mentorHoursPerPerson', label: 'Mentortimer pr. person', definition: MENTOR_HOURS_PER_PERSON_DEFINITION },
    { figure: 'groups', label: 'Opdelinger', definition: COHORT_INSTITUTION_DEFINITION },
  ];
}
