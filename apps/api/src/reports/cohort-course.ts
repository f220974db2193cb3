import { ENDINGS, OTHER_REASON } from '../../../../libs/domain/case/ending-reasons';
import type { PoliceCourseOutcome } from '../../../../libs/domain/exit-course/police-phase.types';
import type { CohortFigure, MentorHourPart } from './cohort-definitions';
import { hoursOf } from './report-numbers';

/**
 * One course of the cohort as the audit trail tells it up to the end of the `asOf` day, and what the
 * figures make of it (the definitions are cohort-definitions.ts). Pure, so every rule is unit-tested.
 */
export interface CohortEvent {
  action: string;
  occurredAt: Date;
  details: Record<string, unknown>;
  reasonCode: string | null;
}

export interface CohortCourse {
  /** Oldest first (occurred_at, then the order the workflow wrote them). */
  events: CohortEvent[];
  mentorContacts: { at: Date; minutes: number }[];
}

export type InterruptedBy = 'inmate' | 'kriminalforsorgen';
/** A police phase's end: an outcome other than `moved`. */
export type PoliceEnd = Exclude<PoliceCourseOutcome, 'moved'>;

export type CohortCourseState =
  | { phase: 'at_kriminalforsorgen' }
  | { phase: 'interrupted'; by: InterruptedBy; reasonCode: string }
  | { phase: 'awaiting_handover_decision' | 'closed_at_handover' }
  | { phase: 'with_police' | 'ended_with_police'; via: 'handover' | 'outside_prison'; outcome?: PoliceEnd };

export interface ClassifiedCourse {
  state: CohortCourseState;
  handedOver: boolean;
  /** The last reoffending check's answer; undefined before one. */
  reoffended?: boolean;
  /** Ended with a police phase's outcome, so a reoffending check follows (a closure at a handover has none). */
  checkFollows: boolean;
  /** Mentor contacts before the release (all of them, when not released) and at or after it. */
  mentor: Record<'before_release' | 'after_release', { minutes: number; contacts: number }>;
}

export function classifyCourse(course: CohortCourse): ClassifiedCourse {
  let interruption: { by: InterruptedBy; reasonCode: string } | undefined;
  let handedOver = false;
  let releasedAt: Date | undefined;
  let continued = false;
  let closedAtHandover = false;
  let closedAfterContinuing = false;
  let policeStarted = false;
  let startedOutsidePrison = false;
  /** An acceptance before the release: it counts at the release, if the course is handed over to that district. */
  let acceptedBeforeRelease: { continuation: unknown; policeDistrictCode: unknown } | undefined;
  let policeEnd: PoliceEnd | undefined;
  let reoffended: boolean | undefined;
  const accept = (continuation: unknown) => {
    if (continuation !== 'closed') continued = true;
    else if (continued || policeStarted) closedAfterContinuing = true;
    else closedAtHandover = true;
  };
  for (const event of course.events) {
    switch (event.action) {
      case 'course_interrupted':
        // Only in prison, before the handover (the decision is not allowed after it).
        if (!handedOver && !policeStarted)
          interruption = {
            by: event.details.by === 'inmate' ? 'inmate' : 'kriminalforsorgen',
            reasonCode: event.reasonCode ?? OTHER_REASON,
          };
        break;
      case 'released':
        releasedAt ??= event.occurredAt;
        break;
      case 'handed_over':
        // A course started outside prison that moves is handed over to another district, not at a release.
        if (!startedOutsidePrison) handedOver = true;
        if (acceptedBeforeRelease && acceptedBeforeRelease.policeDistrictCode === event.details.policeDistrictCode)
          accept(acceptedBeforeRelease.continuation);
        acceptedBeforeRelease = undefined;
        break;
      case 'handover_accepted':
        if (event.details.beforeRelease === true)
          acceptedBeforeRelease = {
            continuation: event.details.continuation,
            policeDistrictCode: event.details.policeDistrictCode,
          };
        else accept(event.details.continuation);
        break;
      case 'police_course_started':
        policeStarted = true;
        if (event.details.via === 'agreement') startedOutsidePrison = true;
        break;
      case 'police_course_ended':
        if (event.details.outcome !== 'moved') policeEnd = (event.details.outcome as PoliceEnd) ?? 'other';
        break;
      case 'reoffending_checked':
        reoffended = event.details.reoffended === true;
        break;
    }
  }
  const mentor = mentorSplit(course.mentorContacts, releasedAt);
  const classified = (state: CohortCourseState): ClassifiedCourse => ({
    state,
    handedOver,
    reoffended,
    checkFollows: policeEnd !== undefined,
    mentor,
  });
  if (interruption) return classified({ phase: 'interrupted', ...interruption });
  const police = (via: 'handover' | 'outside_prison'): ClassifiedCourse => {
    const outcome = policeEnd ?? (closedAfterContinuing ? 'closed_by_police' : undefined);
    return classified(outcome ? { phase: 'ended_with_police', via, outcome } : { phase: 'with_police', via });
  };
  if (handedOver) {
    if (continued) return police('handover');
    return classified({ phase: closedAtHandover ? 'closed_at_handover' : 'awaiting_handover_decision' });
  }
  // A police phase without a handover: a course the police or the municipality started outside prison.
  if (policeStarted) return police('outside_prison');
  return classified({ phase: 'at_kriminalforsorgen' });
}

function mentorSplit(contacts: CohortCourse['mentorContacts'], releasedAt: Date | undefined) {
  const mentor: ClassifiedCourse['mentor'] = {
    before_release: { minutes: 0, contacts: 0 },
    after_release: { minutes: 0, contacts: 0 },
  };
  for (const contact of contacts) {
    const part = releasedAt && contact.at.getTime() >= releasedAt.getTime() ? 'after_release' : 'before_release';
    mentor[part].minutes += contact.minutes;
    mentor[part].contacts += 1;
  }
  return mentor;
}

/** Whether a classified course counts in a figure (the persons' figures are counted by {@link cohortCounts}). */
const COUNTED: Record<
  Exclude<CohortFigure, 'persons' | 'personsWithMoreThanOneAgreement'>,
  (c: ClassifiedCourse) => boolean
> = {
  agreementsEntered: () => true,
  stillAtKriminalforsorgen: (c) => c.state.phase === 'at_kriminalforsorgen',
  interruptedByInmate: (c) => c.state.phase === 'interrupted' && c.state.by === 'inmate',
  interruptedByKriminalforsorgen: (c) => c.state.phase === 'interrupted' && c.state.by === 'kriminalforsorgen',
  handedOver: (c) => c.handedOver,
  handoverAwaitingDecision: (c) => c.state.phase === 'awaiting_handover_decision',
  handoverClosedAtOnce: (c) => c.state.phase === 'closed_at_handover',
  continuedByPolice: (c) => withPolice(c) && c.state.via === 'handover',
  startedOutsidePrison: (c) => withPolice(c) && c.state.via === 'outside_prison',
  runningWithPolice: (c) => c.state.phase === 'with_police',
  endedWithPolice: (c) => c.state.phase === 'ended_with_police',
  completed: (c) => policeOutcome(c) === 'completed',
  droppedOut: (c) => (c.state.phase === 'interrupted' && c.state.by === 'inmate') || policeOutcome(c) === 'dropped_out',
  droppedOutWithPolice: (c) => policeOutcome(c) === 'dropped_out',
  reoffended: (c) => c.reoffended === true,
  notReoffended: (c) => c.reoffended === false,
  reoffendingNotChecked: (c) => c.checkFollows && c.reoffended === undefined,
};

function withPolice(
  c: ClassifiedCourse,
): c is ClassifiedCourse & { state: Extract<CohortCourseState, { via: unknown }> } {
  return c.state.phase === 'with_police' || c.state.phase === 'ended_with_police';
}

export function policeOutcome(c: ClassifiedCourse): PoliceEnd | undefined {
  return c.state.phase === 'ended_with_police' ? c.state.outcome : undefined;
}

export type CohortCounts = Record<CohortFigure, number>;

/** Every figure over a group of courses, each with its person. */
export function cohortCounts(courses: { personRef: string; classified: ClassifiedCourse }[]): CohortCounts {
  const perPerson = new Map<string, number>();
  for (const { personRef } of courses) perPerson.set(personRef, (perPerson.get(personRef) ?? 0) + 1);
  const counts = {
    persons: perPerson.size,
    personsWithMoreThanOneAgreement: [...perPerson.values()].filter((agreements) => agreements > 1).length,
  } as CohortCounts;
  for (const [figure, counted] of Object.entries(COUNTED))
    counts[figure as CohortFigure] = courses.filter(({ classified }) => counted(classified)).length;
  return counts;
}

/** The middle value (the mean of the two middle ones for an even count); 0 of none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface MentorHours {
  part: MentorHourPart;
  minutesTotal: number;
  hoursTotal: number;
  agreementHolders: number;
  personsWithContact: number;
  meanHoursPerAgreementHolder: number;
  medianHoursPerAgreementHolder: number;
  meanHoursPerPersonWithContact: number;
  medianHoursPerPersonWithContact: number;
}

function partOf(c: ClassifiedCourse, part: MentorHourPart): { minutes: number; contacts: number } {
  if (part !== 'all') return c.mentor[part];
  const { before_release: before, after_release: after } = c.mentor;
  return { minutes: before.minutes + after.minutes, contacts: before.contacts + after.contacts };
}

/**
 * Mentor hours per person in one part: each person's minutes over their courses, the mean and median over
 * every agreement holder (0 for one without contact) and over those with at least one contact in the part.
 */
export function mentorHours(
  part: MentorHourPart,
  courses: { personRef: string; classified: ClassifiedCourse }[],
): MentorHours {
  const perPerson = new Map<string, { minutes: number; contacted: boolean }>();
  for (const { personRef, classified } of courses) {
    const person = perPerson.get(personRef) ?? { minutes: 0, contacted: false };
    const { minutes, contacts } = partOf(classified, part);
    person.minutes += minutes;
    person.contacted ||= contacts > 0;
    perPerson.set(personRef, person);
  }
  const all = [...perPerson.values()];
  const contacted = all.filter((person) => person.contacted).map((person) => person.minutes);
  const minutesTotal = all.reduce((sum, person) => sum + person.minutes, 0);
  return {
    part,
    minutesTotal,
    hoursTotal: hoursOf(minutesTotal),
    agreementHolders: all.length,
    personsWithContact: contacted.length,
    meanHoursPerAgreementHolder: hoursOf(minutesTotal, all.length),
    medianHoursPerAgreementHolder: hoursOf(median(all.map((person) => person.minutes))),
    meanHoursPerPersonWithContact: hoursOf(minutesTotal, contacted.length),
    medianHoursPerPersonWithContact: hoursOf(median(contacted)),
  };
}

/** The interruption reason codes, every one of them (the figures show zeros too). */
export const INTERRUPTION_REASONS = ENDINGS.interruption.reasons;
