import { parseLocalDate } from '../../../../libs/domain/time/copenhagen-calendar';
import { COHORT_DEFINITIONS, MENTOR_HOUR_DEFINITIONS, MENTOR_HOURS_PER_PERSON_DEFINITION } from './cohort-definitions';
import type { CohortMentorHours, CohortReport, Question1903Answer, Question1903Report } from './cohort.views';

/**
 * Parliament's question 1903 (Folketingets Retsudvalg, DOMAIN.md §1) answered from the cohort figures, part
 * by part, in Danish sentences the ministry can paste into its reply, each with how its figures are made up.
 * The budget and what the exit effort consists of are not in the system's records and are not answered.
 */
export const QUESTION_1903_TITLE = 'Svar på spørgsmål nr. 1903 (Alm. del) fra Folketingets Retsudvalg';

export const QUESTION_1903_TEXT =
  'Vil ministeren angive, hvad Kriminalforsorgens budget er til bandeexit, herunder hvori exitindsatsen består, ' +
  'hvor mange der har været igennem forløbet, hvor mange forløb har været succesfulde, og hvor mange deltagere er ' +
  'faldet fra? Det ønskes også oplyst, hvor mange støttetimer/mentortimer, der gennemsnitligt bruges pr. person i bandeexit.';

const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** `2015-04-01` as a Danish sentence writes it: `1. april 2015`. */
export function danishLongDate(text: string): string {
  const date = parseLocalDate(text);
  if (!date) throw new Error(`danishLongDate needs a date, got ${text}`);
  return `${date.day}. ${MONTHS[date.month - 1]} ${date.year}`;
}

const integer = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const hours = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const count = (n: number) => integer.format(n);
const counted = (n: number, singular: string, plural: string) => `${count(n)} ${n === 1 ? singular : plural}`;
const hoursText = (n: number) => `${hours.format(n)} ${n === 1 ? 'time' : 'timer'}`;

/** `a`, `a og b`, `a, b og c`. */
function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

export function question1903(report: CohortReport): Question1903Report {
  const total = report.total;
  const asOf = danishLongDate(report.asOf);
  const mentor = (part: CohortMentorHours['part']) => report.mentorHours.find((hours) => hours.part === part)!;
  const reasonsOf = (by: 'inmate' | 'kriminalforsorgen') =>
    report.interruptionReasons
      .filter((reason) => reason.by === by && reason.count > 0)
      .map((reason) => `${reason.label} (${count(reason.count)})`);
  const otherEnds = report.policeOutcomes
    .filter((outcome) => outcome.outcome !== 'completed' && outcome.count > 0)
    .map((outcome) => `${count(outcome.count)} ${outcome.label}`);
  const define = (...figures: (keyof typeof COHORT_DEFINITIONS)[]) =>
    figures.map((figure) => `${COHORT_DEFINITIONS[figure].label}: ${COHORT_DEFINITIONS[figure].definition}`).join(' ');

  const answers: Question1903Answer[] = [
    {
      part: 'went_through',
      question: 'Hvor mange der har været igennem forløbet.',
      answer: [
        `I perioden er der indgået ${counted(total.agreementsEntered, 'exit-aftale', 'exit-aftaler')} med ${counted(total.persons, 'person', 'personer')}; ` +
          `${counted(total.personsWithMoreThanOneAgreement, 'person', 'personer')} har indgået mere end én exit-aftale i perioden.`,
        `Pr. ${asOf} er ${count(total.handedOver)} af forløbene overdraget til de lokale exitenheder ved politiet, ` +
          `${count(total.interruptedByInmate)} er afbrudt af den indsatte, ${count(total.interruptedByKriminalforsorgen)} er afbrudt af Kriminalforsorgen, ` +
          `og ${count(total.stillAtKriminalforsorgen)} er fortsat i Kriminalforsorgen.`,
        ...(total.startedOutsidePrison
          ? [`${count(total.startedOutsidePrison)} forløb er startet uden for fængslet af politiet eller kommunen.`]
          : []),
      ].join(' '),
      definition: define('agreementsEntered', 'persons', 'handedOver', 'stillAtKriminalforsorgen'),
    },
    {
      part: 'succeeded',
      question: 'Hvor mange forløb har været succesfulde.',
      answer: [
        `Af de ${count(total.handedOver)} overdragne forløb har politiets exitenheder videreført ${count(total.continuedByPolice)}, ` +
          `afsluttet ${count(total.handoverClosedAtOnce)} straks, og ${count(total.handoverAwaitingDecision)} afventer exitenhedens beslutning.`,
        `Pr. ${asOf} er ${count(total.completed)} forløb gennemført hos politiets exitenhed, og ${count(total.runningWithPolice)} er fortsat i gang.`,
        ...(otherEnds.length ? [`Øvrige forløb afsluttet hos politiet: ${listed(otherEnds)}.`] : []),
        `Ved opfølgningen 12 måneder efter afslutningen er der registreret ny kriminalitet i ${count(total.reoffended)} forløb ` +
          `og ingen ny kriminalitet i ${count(total.notReoffended)} forløb; for ${count(total.reoffendingNotChecked)} afsluttede forløb er opfølgningen endnu ikke foretaget.`,
      ].join(' '),
      definition: define('completed', 'continuedByPolice', 'runningWithPolice', 'endedWithPolice'),
    },
    {
      part: 'dropped_out',
      question: 'Hvor mange deltagere er faldet fra.',
      answer: [
        `I ${count(total.droppedOut)} forløb er deltageren faldet fra: ${count(total.interruptedByInmate)} har selv afbrudt exit-forløbet under afsoningen, ` +
          `og ${count(total.droppedOutWithPolice)} er faldet fra efter eget valg i forløbet hos politiet.`,
        `Herudover har Kriminalforsorgen afbrudt ${count(total.interruptedByKriminalforsorgen)} forløb.`,
        ...(reasonsOf('inmate').length ? [`Årsager, når den indsatte afbrød: ${listed(reasonsOf('inmate'))}.`] : []),
        ...(reasonsOf('kriminalforsorgen').length
          ? [`Årsager, når Kriminalforsorgen afbrød: ${listed(reasonsOf('kriminalforsorgen'))}.`]
          : []),
      ].join(' '),
      definition: define('droppedOut', 'interruptedByKriminalforsorgen'),
    },
    {
      part: 'mentor_hours',
      question: 'Hvor mange støttetimer/mentortimer der gennemsnitligt bruges pr. person i bandeexit.',
      answer: [
        `Der er registreret ${hoursText(mentor('all').hoursTotal)} mentorstøtte i forløbene, ` +
          `${hoursText(mentor('before_release').hoursTotal)} før og ${hoursText(mentor('after_release').hoursTotal)} efter løsladelsen.`,
        `Pr. person med exit-aftale (${count(mentor('all').agreementHolders)}) er det gennemsnitligt ${hoursText(mentor('all').meanHoursPerAgreementHolder)} ` +
          `(median ${hoursText(mentor('all').medianHoursPerAgreementHolder)}).`,
        `For de ${counted(mentor('all').personsWithContact, 'person', 'personer')}, der har haft mindst én mentorkontakt, er det gennemsnitligt ` +
          `${hoursText(mentor('all').meanHoursPerPersonWithContact)} (median ${hoursText(mentor('all').medianHoursPerPersonWithContact)}).`,
        ...(['before_release', 'after_release'] as const).map(
          (part) =>
            `${part === 'before_release' ? 'Før' : 'Efter'} løsladelsen: gennemsnitligt ${hoursText(mentor(part).meanHoursPerAgreementHolder)} pr. person med exit-aftale ` +
            `og ${hoursText(mentor(part).meanHoursPerPersonWithContact)} pr. person med kontakt (${count(mentor(part).personsWithContact)}).`,
        ),
      ].join(' '),
      definition: [
        MENTOR_HOUR_DEFINITIONS.all.definition,
        MENTOR_HOUR_DEFINITIONS.after_release.definition,
        MENTOR_HOURS_PER_PERSON_DEFINITION,
      ].join(' '),
    },
  ];
  return {
    from: report.from,
    to: report.to,
    asOf: report.asOf,
    title: QUESTION_1903_TITLE,
    question: QUESTION_1903_TEXT,
    introduction:
      `Opgørelsen omfatter de exit-forløb, hvor exit-aftalen er indgået i perioden fra den ${danishLongDate(report.from)} ` +
      `til den ${danishLongDate(report.to)}, og viser, hvad der pr. den ${asOf} er blevet af dem. Tallene er hentet fra exitflow, ` +
      'der følger hvert forløb fra henvisningen til afslutningen hos politiet og opfølgningen derefter. ' +
      'Kriminalforsorgens budget til bandeexit og indholdet af exitindsatsen fremgår ikke af systemet og besvares ikke her.',
    answers,
  };
}
