import type { ExitCourseState, StartExitCourseInput } from '../../libs/domain/exit-course/exit-course.types';

/** A course's state but its steps (those are its CaseSteps'): the one object a run carries and answers with. */
export type CourseFacts = Omit<ExitCourseState, 'steps'>;

export function initialFacts(input: StartExitCourseInput): CourseFacts {
  return {
    caseId: input.caseId,
    status: 'awaiting_suitability_assessment',
    referredAt: input.referredAt,
    mentor: { contactCount: 0, contactMinutes: 0 },
    psychologistCourse: 'not_started',
    paroleLinked: input.paroleLinked,
    assessmentInputs: [],
    ...(input.institutionCode ? { institutionCode: input.institutionCode } : {}),
    ...(input.expectedReleaseDate ? { expectedReleaseDate: input.expectedReleaseDate } : {}),
    ...(input.referralSource ? { referralSource: input.referralSource } : {}),
    ...(input.outsidePrison ? { outsidePrison: { ...input.outsidePrison } } : {}),
    readiness: { housing: false, income: false, job_or_education_plan: false, mentor_continuity: false },
  };
}

/** A deep copy of plain JSON data (what crosses Temporal): no part of a snapshot is shared with the state. */
export const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
