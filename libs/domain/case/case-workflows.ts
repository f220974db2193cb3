import type { CaseType } from './case-transition';

/**
 * How the API and the tools know the case workflows: by type name, workflow-id prefix and message names
 * only, never by importing workflow code. These names are part of recorded histories and running
 * workflows: never rename one.
 */
export interface CaseWorkflowName {
  /** The workflow type the worker registers (the exported function's name). */
  workflowType: string;
  /** A case's workflow id is the prefix followed by the case id (never personal data). */
  workflowIdPrefix: string;
}

export const CASE_WORKFLOWS: Readonly<Record<CaseType, CaseWorkflowName>> = {
  exit_course: { workflowType: 'exitCourseWorkflow', workflowIdPrefix: 'exit-course-' },
  dks_assessment: { workflowType: 'dksCaseWorkflow', workflowIdPrefix: 'dks-case-' },
  network_council: { workflowType: 'networkCouncilWorkflow', workflowIdPrefix: 'network-council-' },
  concern_letter: { workflowType: 'concernLetterWorkflow', workflowIdPrefix: 'concern-letter-' },
  access_request: { workflowType: 'accessRequestWorkflow', workflowIdPrefix: 'access-request-' },
};

export function caseWorkflowId(caseType: CaseType, caseId: string): string {
  return `${CASE_WORKFLOWS[caseType].workflowIdPrefix}${caseId}`;
}

/** The update every case workflow answers once all it has done is in the read model, with its state. */
export const READ_MODEL_SYNCED_UPDATE = 'readModelSynced';

/** The update operations send, through the API, to write a held read-model transition again. */
export const REDRIVE_READ_MODEL_UPDATE = 'redriveReadModel';
