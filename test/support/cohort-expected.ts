import { ENDINGS } from '../../libs/domain/case/ending-reasons';
import type { CohortFigures } from '../../apps/api/src/reports/cohort.views';

/**
 * What the cohort of cohort-history.ts comes to, as of its AS_OF, for Kriminalforsorgen's national
 * supervisor (who does not see the two courses the police started outside prison). Derived from the
 * positions described there.
 */
export const NO_COHORT_FIGURES: Omit<CohortFigures, 'group' | 'groupName'> = {
  agreementsEntered: 0,
  persons: 0,
  personsWithMoreThanOneAgreement: 0,
  stillAtKriminalforsorgen: 0,
  interruptedByInmate: 0,
  interruptedByKriminalforsorgen: 0,
  handedOver: 0,
  handoverAwaitingDecision: 0,
  handoverClosedAtOnce: 0,
  continuedByPolice: 0,
  startedOutsidePrison: 0,
  runningWithPolice: 0,
  endedWithPolice: 0,
  completed: 0,
  droppedOut: 0,
  droppedOutWithPolice: 0,
  reoffended: 0,
  notReoffended: 0,
  reoffendingNotChecked: 0,
};

export const VESTJYLLAND_COHORT: Omit<CohortFigures, 'group' | 'groupName'> = {
  ...NO_COHORT_FIGURES,
  agreementsEntered: 200,
  // Four persons with two agreements there.
  persons: 196,
  personsWithMoreThanOneAgreement: 4,
  interruptedByInmate: 70,
  handedOver: 130,
  continuedByPolice: 130,
  // 83–99 with the police, 100–129 in the municipal programme.
  runningWithPolice: 47,
  endedWithPolice: 83,
  // 0–39 and the five that moved first.
  completed: 45,
  droppedOut: 85,
  droppedOutWithPolice: 15,
  reoffended: 5,
  notReoffended: 20,
  reoffendingNotChecked: 55,
};

export const HERSTEDVESTER_COHORT: Omit<CohortFigures, 'group' | 'groupName'> = {
  ...NO_COHORT_FIGURES,
  agreementsEntered: 168,
  persons: 165,
  personsWithMoreThanOneAgreement: 3,
  interruptedByInmate: 60,
  interruptedByKriminalforsorgen: 80,
  handedOver: 28,
  handoverAwaitingDecision: 10,
  handoverClosedAtOnce: 18,
  droppedOut: 60,
};

/** The ministry's figures: 368 agreements, 158 handed over, the other 210 interrupted. */
export const COHORT_TOTAL: Omit<CohortFigures, 'group' | 'groupName'> = {
  agreementsEntered: 368,
  // 368 less the 8 second agreements (one of them at the other institution).
  persons: 360,
  personsWithMoreThanOneAgreement: 8,
  stillAtKriminalforsorgen: 0,
  interruptedByInmate: 130,
  interruptedByKriminalforsorgen: 80,
  handedOver: 158,
  handoverAwaitingDecision: 10,
  handoverClosedAtOnce: 18,
  continuedByPolice: 130,
  startedOutsidePrison: 0,
  runningWithPolice: 47,
  endedWithPolice: 83,
  completed: 45,
  // 130 who interrupted in prison and 15 who dropped out with the police.
  droppedOut: 145,
  droppedOutWithPolice: 15,
  reoffended: 5,
  notReoffended: 20,
  reoffendingNotChecked: 55,
};

export const COHORT_POLICE_OUTCOMES = [
  { outcome: 'completed', label: 'gennemført', count: 45 },
  { outcome: 'dropped_out', label: 'frafaldet (borgerens eget valg)', count: 15 },
  // 55–64, and 80–82 closed at once by the district they moved to.
  { outcome: 'closed_by_police', label: 'afsluttet af politiet', count: 13 },
  { outcome: 'new_crime', label: 'ny kriminalitet eller varetægt', count: 5 },
  { outcome: 'other', label: 'andet', count: 5 },
];

const reasons = (counts: Record<string, number>) =>
  (
    [
      'own_wish',
      'agreement_breach',
      'new_crime',
      'back_in_gang_environment',
      'security_concerns',
      'deported',
      'other',
    ] as const
  ).map((reasonCode) => ({ reasonCode, count: counts[reasonCode] ?? 0 }));
export const COHORT_INTERRUPTION_REASONS = [
  ...reasons({ own_wish: 100, back_in_gang_environment: 20, other: 10 }).map((reason) => ({ by: 'inmate', ...reason })),
  ...reasons({ agreement_breach: 40, new_crime: 25, security_concerns: 15 }).map((reason) => ({
    by: 'kriminalforsorgen',
    ...reason,
  })),
].map((reason) => ({ ...reason, label: ENDINGS.interruption.reasons[reason.reasonCode] }));

/**
 * Per person: 210 minutes (90 before, 120 after the release), 105 (45, 60), 90 (all before) and the person
 * of two agreements 120 (90, 30); the 500 minutes after AS_OF count nowhere. 360 agreement holders.
 */
export const COHORT_MENTOR_HOURS = [
  {
    part: 'all',
    label: 'Mentortimer i alt',
    minutesTotal: 525,
    hoursTotal: 8.75,
    agreementHolders: 360,
    personsWithContact: 4,
    meanHoursPerAgreementHolder: 0.02,
    medianHoursPerAgreementHolder: 0,
    // 131.25 minutes; median (105 + 120) / 2 = 112.5 minutes.
    meanHoursPerPersonWithContact: 2.19,
    medianHoursPerPersonWithContact: 1.88,
  },
  {
    part: 'before_release',
    label: 'Mentortimer før løsladelsen',
    minutesTotal: 315,
    hoursTotal: 5.25,
    agreementHolders: 360,
    personsWithContact: 4,
    meanHoursPerAgreementHolder: 0.01,
    medianHoursPerAgreementHolder: 0,
    meanHoursPerPersonWithContact: 1.31,
    medianHoursPerPersonWithContact: 1.5,
  },
  {
    part: 'after_release',
    label: 'Mentortimer efter løsladelsen',
    minutesTotal: 210,
    hoursTotal: 3.5,
    agreementHolders: 360,
    personsWithContact: 3,
    meanHoursPerAgreementHolder: 0.01,
    medianHoursPerAgreementHolder: 0,
    meanHoursPerPersonWithContact: 1.17,
    medianHoursPerPersonWithContact: 1,
  },
];
