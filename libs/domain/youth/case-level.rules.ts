import { refuseMoment, type Refusal } from '../case/refusal';
import { calendarDays, type DeadlineRule } from '../deadlines/deadline-rule';
import {
  addCalendarDays,
  danishDateOf,
  formatDanishDate,
  parseLocalDate,
  startOfDanishDay,
  type LocalDate,
} from '../time/copenhagen-calendar';
import { YOUTH_AGE_LIMIT } from './youth-age';
import { CASE_LEVELS, type CaseLevel } from './youth-vocabulary';
import type { AdultHandoverInput, CaseLevelInput, LevelOneReviewInput, YouthCaseState } from './case-level.types';

const illegal = (message: string): Refusal => ({ kind: 'illegal-transition', message });
const invalid = (message: string): Refusal => ({ kind: 'invalid-data', message });
const blank = (text: string | undefined) => !text || text.trim() === '';
const openStep = (state: YouthCaseState, kind: string) =>
  state.steps.find((step) => step.kind === kind && step.status === 'open');
const danishDate = (text: string) => formatDanishDate(parseLocalDate(text)!);

export function isCaseLevel(value: unknown): value is CaseLevel {
  return CASE_LEVELS.includes(value as CaseLevel);
}

/** A level is set once without a reason (at the assessment, or first on the council); a change has one. */
export function refuseCaseLevel(state: YouthCaseState, input: CaseLevelInput): Refusal | undefined {
  if (state.closed) return illegal('Niveauet kan ikke ændres: sagen er afsluttet.');
  if (!isCaseLevel(input.level)) return invalid('Niveauet skal være 1, 2 eller 3.');
  if (state.caseLevel === input.level) return invalid(`Sagen er allerede på niveau ${input.level}.`);
  if (state.caseLevel !== null && blank(input.reason)) {
    return invalid('En ændring af niveauet skal have en begrundelse.');
  }
  return undefined;
}

/**
 * The monthly coordination meeting reviewed an open level-1 case: on a real date, not in the future (Danish
 * calendar), not before the case came on level 1, and after the meeting that last reviewed it (a repeated
 * recording of the same meeting is refused, so a retried batch reviews nothing twice).
 */
export function refuseLevelOneReview(
  state: YouthCaseState,
  input: LevelOneReviewInput,
  now: Date,
): Refusal | undefined {
  if (state.closed) return illegal('Sagen er afsluttet og skal ikke gennemgås på koordinationsmødet.');
  const step = openStep(state, 'level_one_review');
  if (!step) return illegal('Sagen er ikke en niveau 1-sag, der venter på koordinationsmødet.');
  const meeting = parseLocalDate(input.meetingDate);
  if (!meeting) return invalid('Mødedatoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).');
  if (state.lastLevelOneReviewOn !== null && input.meetingDate <= state.lastLevelOneReviewOn) {
    return illegal(`Sagen er allerede gennemgået på koordinationsmødet den ${danishDate(state.lastLevelOneReviewOn)}.`);
  }
  const levelOneSince = danishDateOf(new Date(step.openedAt));
  if (compareDates(meeting, levelOneSince) < 0) {
    return invalid(`Mødedatoen ligger før sagen kom på niveau 1 (${formatDanishDate(levelOneSince)}).`);
  }
  if (compareDates(meeting, danishDateOf(now)) > 0) return invalid('Mødedatoen ligger i fremtiden.');
  return undefined;
}

/** The 18+ handover is decided once the youth has turned 18 (its step is open), with a reason. */
export function refuseAdultHandover(state: YouthCaseState, input: AdultHandoverInput, now: Date): Refusal | undefined {
  if (state.closed) return illegal('Overdragelsen kan ikke besluttes: sagen er afsluttet.');
  const step = openStep(state, 'adult_handover');
  if (!step) {
    return illegal(`Overdragelsen til 18+-indsatsen besluttes, når den unge er fyldt ${YOUTH_AGE_LIMIT} år.`);
  }
  if (blank(input.municipalityCode)) return invalid('Kommunen skal udfyldes.');
  if (blank(input.reason)) return invalid('Beslutningen om overdragelse skal have en begrundelse.');
  return refuseMoment('Tidspunktet for beslutningen', input.decidedAt, now, [
    { at: step.openedAt, text: `den unges ${YOUTH_AGE_LIMIT}-års fødselsdag` },
  ]);
}

function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * When the monthly coordination meeting must have reviewed a level-1 case: the end of day N of a Danish
 * calendar month (N: the rule's days; 31, the default, or any N past the month's length, is its last day),
 * the first such moment after `after`.
 */
export function levelOneReviewDueAfter(rule: DeadlineRule, after: Date): Date {
  const day = calendarDays(rule);
  const { year, month } = danishDateOf(after);
  for (let offset = 0; ; offset++) {
    const first = new Date(Date.UTC(year, month - 1 + offset, 1));
    const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
    const dueDay = { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(day, daysInMonth) };
    const due = startOfDanishDay(addCalendarDays(dueDay, 1));
    if (due.getTime() > after.getTime()) return due;
  }
}

/**
 * The next review after a meeting: the month after the one whose review was due (a late meeting for last
 * month leaves this month's due), and never before the day after the meeting.
 */
export function nextLevelOneReviewDue(rule: DeadlineRule, previousDueAt: string, meetingDate: string): Date {
  const dayAfterMeeting = startOfDanishDay(addCalendarDays(parseLocalDate(meetingDate)!, 1));
  const previousDue = new Date(previousDueAt);
  return levelOneReviewDueAfter(rule, previousDue > dayAfterMeeting ? previousDue : dayAfterMeeting);
}

/**
 * The start of the youth's 18th birthday (Danish calendar): the handover step opens then. A birthday on
 * 29 February falls on 1 March in a year without one, as ages are counted (cpr.ts `ageOn`).
 */
export function adultOn(birthDate: string): Date {
  const birth = parseLocalDate(birthDate);
  if (!birth) throw new Error('adultOn expects a birth date as a real YYYY-MM-DD date.');
  const birthday = new Date(Date.UTC(birth.year + YOUTH_AGE_LIMIT, birth.month - 1, birth.day));
  return startOfDanishDay({
    year: birthday.getUTCFullYear(),
    month: birthday.getUTCMonth() + 1,
    day: birthday.getUTCDate(),
  });
}

/**
 * A level given with the DKS assessment. Optional: the 24-hour decision is whether to hold a concern
 * conversation, and the level may not be known yet; it is set later by the `case-level` decision.
 */
export function refuseAssessmentLevel(level: unknown): Refusal | undefined {
  return level === undefined || isCaseLevel(level) ? undefined : invalid('Niveauet skal være 1, 2 eller 3.');
}
