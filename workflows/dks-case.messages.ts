import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  DksAssessmentInput,
  DksCaseState,
  FollowUpCheckInput,
  HomeVisitHeldInput,
  HomeVisitPlanInput,
} from '../libs/domain/youth/dks-case.types';

/** The messages a DKS-case workflow answers; shared by the workflow and its clients. */
export const dksCaseStateQuery = defineQuery<DksCaseState>('dksCaseState');

/** Waits until everything the case has done so far is in the read model, then returns the state. */
export const dksReadModelSyncedUpdate = defineUpdate<DksCaseState>('readModelSynced');

export const recordDksAssessmentUpdate = defineUpdate<DksCaseState, [DksAssessmentInput]>('recordDksAssessment');
export const planHomeVisitUpdate = defineUpdate<DksCaseState, [HomeVisitPlanInput]>('planHomeVisit');
export const recordHomeVisitUpdate = defineUpdate<DksCaseState, [HomeVisitHeldInput]>('recordHomeVisit');
export const recordFollowUpCheckUpdate = defineUpdate<DksCaseState, [FollowUpCheckInput]>('recordFollowUpCheck');
