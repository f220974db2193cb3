import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AdultHandoverInput,
  CaseLevelInput,
  LevelOneReviewInput,
  YouthCaseState,
} from '../../libs/domain/youth/case-level.types';
import { DKS_YOUTH_DECISIONS, LEVEL_ONE_REVIEW_UPDATE } from '../../libs/domain/youth/youth-case.decisions';

/**
 * The messages every youth case type answers for its level, its monthly review and its 18+ handover (the
 * same names on a DKS case and a network council); each update answers with the case type's own state.
 */
export const youthCaseStateQuery = defineQuery<YouthCaseState>('youthCaseState');
export const setCaseLevelUpdate = defineUpdate<unknown, [CaseLevelInput]>(DKS_YOUTH_DECISIONS['case-level'].update);
export const decideAdultHandoverUpdate = defineUpdate<unknown, [AdultHandoverInput]>(
  DKS_YOUTH_DECISIONS['adult-handover'].update,
);
export const recordLevelOneReviewUpdate = defineUpdate<unknown, [LevelOneReviewInput]>(LEVEL_ONE_REVIEW_UPDATE);
