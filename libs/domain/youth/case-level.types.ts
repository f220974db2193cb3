import type { Actor } from '../case/actor';
import type { CaseStep } from '../case/case-step';
import type { CaseLevel } from './youth-vocabulary';

/**
 * A youth case's level (*enkeltsagskoncept*, 003), the monthly level-1 coordination meeting's review, and
 * the handover at 18: the steps and decisions every youth case type (DKS case, network council) shares.
 */
export type YouthStepKind = 'level_one_review' | 'adult_handover';

/** Set or change the case's level; a change (the case had one) needs a reason. */
export interface CaseLevelInput {
  level: CaseLevel;
  reason: string;
  actor: Actor;
}

/** The unit's monthly coordination meeting reviewed the level-1 case (one update per case, sent by the batch route). */
export interface LevelOneReviewInput {
  /** The meeting's Danish calendar date, YYYY-MM-DD. */
  meetingDate: string;
  actor: Actor;
}

/** Whether the case goes on with the municipality's 18+ effort (SSP+), and which municipality's. */
export interface AdultHandoverInput {
  handedOver: boolean;
  municipalityCode: string;
  reason: string;
  decidedAt: string;
  actor: Actor;
}

/** What the shared rules read of a youth case. */
export interface YouthCaseState {
  /** Whether the case has ended (its type's final status). */
  closed: boolean;
  caseLevel: CaseLevel | null;
  /** The latest coordination meeting that reviewed the case, YYYY-MM-DD. */
  lastLevelOneReviewOn: string | null;
  steps: Pick<CaseStep<string>, 'kind' | 'status' | 'openedAt' | 'dueAt'>[];
}
