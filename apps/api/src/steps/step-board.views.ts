import type { Role } from '../../../../libs/access/roles';
import type { CaseType } from '../../../../libs/domain/case-record/case-transition';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import type { Page } from '../common/page';

/** An open step as the boards and inboxes show it: what, by when, and whose turn it is. */
export interface BoardStep {
  stepId: string;
  caseId: string;
  caseType: CaseType;
  caseTypeLabel: string;
  kind: string;
  label: string;
  openedAt: string;
  dueAt: string;
  /** From here the step is due soon (its kind's warning window before the deadline). */
  warningAt: string;
  overdue: boolean;
  /** How late now (0 until the deadline has passed). */
  latenessSeconds: number;
  /** How long until the deadline (0 once it has passed). */
  remainingSeconds: number;
  /** When the workflow's timer recorded the step as overdue. */
  escalatedAt: string | null;
  responsibleUnit: { code: string; name: string; organisation: Organisation | null };
  responsibleRole: Role;
  /** In Danish: the unit and the role that must act. */
  whoseTurn: string;
  /** The API path of the case's detail. */
  casePath: string;
}

export interface UnitCount {
  unit: string;
  unitName: string;
  count: number;
}

export interface StepBoard extends Page<BoardStep> {
  /** Matching steps per responsible unit (all pages), most first. */
  countsByUnit: UnitCount[];
}
