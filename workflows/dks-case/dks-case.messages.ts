import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DksAssessmentInput,
  DksCaseEndInput,
  DksCaseMoveInput,
  SocialServicesParticipationInput,
  DksCaseState,
  FollowUpCheckInput,
  HomeVisitHeldInput,
  HomeVisitPlanInput,
} from '../../libs/domain/youth/dks-case.types';
import { DKS_CASE_DECISIONS } from '../../libs/domain/youth/dks-case.decisions';
import { READ_MODEL_SYNCED_UPDATE } from '../../libs/domain/case/case-workflows';

/** The messages a DKS-case workflow answers; shared by the workflow and its clients. */
export const dksCaseStateQuery = defineQuery<DksCaseState>('dksCaseState');

/** Waits until everything the case has done so far is in the read model, then returns the state. */
export const dksReadModelSyncedUpdate = defineUpdate<DksCaseState>(READ_MODEL_SYNCED_UPDATE);

export const recordDksAssessmentUpdate = defineUpdate<DksCaseState, [DksAssessmentInput]>(
  DKS_CASE_DECISIONS.assessment.update,
);
export const planHomeVisitUpdate = defineUpdate<DksCaseState, [HomeVisitPlanInput]>(
  DKS_CASE_DECISIONS['home-visit-plan'].update,
);
export const recordHomeVisitUpdate = defineUpdate<DksCaseState, [HomeVisitHeldInput]>(
  DKS_CASE_DECISIONS['home-visit'].update,
);
export const recordFollowUpCheckUpdate = defineUpdate<DksCaseState, [FollowUpCheckInput]>(
  DKS_CASE_DECISIONS['follow-up'].update,
);
export const endDksCaseUpdate = defineUpdate<DksCaseState, [DksCaseEndInput]>(DKS_CASE_DECISIONS['case-end'].update);
export const moveDksCaseUpdate = defineUpdate<DksCaseState, [DksCaseMoveInput]>(DKS_CASE_DECISIONS.move.update);
export const recordSocialServicesParticipationUpdate = defineUpdate<DksCaseState, [SocialServicesParticipationInput]>(
  DKS_CASE_DECISIONS['social-services'].update,
);
