import type { ExitCourseStatus } from '../../../../libs/domain/exit-course/exit-course.types';

/** What the API answers about exit courses (read from the read model). */
export interface ExitCourseSummary {
  id: string;
  workflowId: string;
  personRef: string;
  institution: { code: string; name: string };
  status: ExitCourseStatus;
  /** The status in Danish, for display. */
  statusText: string;
  referredAt: string;
  expectedReleaseDate: string;
  nextDueAt?: string | null;
  overdueSteps?: number;
}

export interface StepView {
  id: string;
  kind: string;
  label: string;
  status: 'open' | 'completed' | 'cancelled';
  openedAt: string;
  dueAt: string;
  /** Open and past its deadline now. */
  overdue: boolean;
  /** When the deadline timer escalated the step (it stays open). */
  escalatedAt: string | null;
  completedAt: string | null;
  latenessSeconds: number | null;
  outcome: string | null;
}

export interface HistoryEntry {
  id: string;
  action: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string;
  /** The user's display name, when the actor is a user the system knows (staff, never a case's person). */
  actorName: string | null;
  reason: string | null;
  stepId: string | null;
  details: Record<string, unknown>;
}

export interface MentorContactView {
  id: string;
  contactAt: string;
  form: 'meeting' | 'phone';
  durationMinutes: number;
  mentorRef: string;
}

/** A case's steps and the first entries of its history, as every case type's detail shows them. */
export interface CaseProgress {
  openSteps: StepView[];
  steps: StepView[];
  /** The first HISTORY_IN_DETAIL entries of the history; an exit course's whole history is paged at `GET /api/exit-courses/:id/history`. */
  history: HistoryEntry[];
  historyTotal: number;
}

export interface ExitCourseDetail extends ExitCourseSummary, CaseProgress {
  paroleLinked: boolean;
  mentor: { mentorRef: string | null; contactCount: number; contactMinutes: number; lastContactAt: string | null };
  psychologistCourse: 'not_started' | 'ongoing' | 'ended';
  /** Parole-linked courses: which parties' input to the joint assessment is recorded. */
  jointAssessment: { required: boolean; received: string[] };
  releasePlan: { municipality: { code: string; name: string }; policeDistrict: { code: string; name: string } } | null;
  /** The readiness checklist, and in Danish what is still missing. */
  readiness: { items: Record<string, boolean>; missing: string[] };
  releaseNoticeSentAt: string | null;
  handover: { releasedAt: string; policeDistrict: { code: string; name: string }; continuation: string | null } | null;
  closedAt: string | null;
}

/** A row of the police exit unit's handover inbox. */
export interface HandoverInboxItem {
  caseId: string;
  personRef: string;
  institution: { code: string; name: string };
  releasedAt: string;
  dueAt: string;
  overdue: boolean;
  paroleLinked: boolean;
}
