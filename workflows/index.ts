// Entry point of the workflow bundle: every workflow type the worker runs.
export { exitCourseWorkflow } from './exit-course/exit-course.workflow';
export { dksCaseWorkflow } from './dks-case/dks-case.workflow';
export { networkCouncilWorkflow } from './network-council/network-council.workflow';
export { concernLetterWorkflow } from './concern-letter/concern-letter.workflow';
export { accessRequestWorkflow } from './access-request/access-request.workflow';
export { retentionSweepWorkflow } from './retention/retention-sweep.workflow';
