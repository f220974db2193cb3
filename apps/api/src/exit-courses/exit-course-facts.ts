import type { ExitCourseFacts } from '../../../../libs/domain/exit-course/exit-course.decisions';
import type { ExitCourseStatus, PsychologistCourseStatus } from '../../../../libs/domain/exit-course/exit-course.types';

/** What decides which decisions a course admits, from its read-model row. */
export function exitCourseFactsOf(row: {
  status: ExitCourseStatus;
  parole_linked: boolean;
  mentor_ref: string | null;
  psychologist_course: PsychologistCourseStatus;
  release_notice_sent_at: Date | null;
  early_handover_decision: string | null;
  outside_prison: boolean;
  open_steps: string[];
}): ExitCourseFacts {
  return {
    status: row.status,
    paroleLinked: row.parole_linked,
    hasMentor: Boolean(row.mentor_ref),
    psychologistCourse: row.psychologist_course,
    releaseNoticeSent: row.release_notice_sent_at !== null,
    decidedBeforeRelease: row.early_handover_decision !== null,
    outsidePrison: row.outside_prison,
    openSteps: row.open_steps,
  };
}

/** SQL for the `open_steps` column {@link exitCourseFactsOf} reads: the kinds of the steps open now of case `alias`. */
export const openStepsColumn = (alias: string): string =>
  `ARRAY(SELECT o.kind FROM steps o WHERE o.case_id = ${alias}.id AND o.status = 'open') AS open_steps`;
