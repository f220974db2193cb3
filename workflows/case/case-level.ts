import { condition, defineUpdate, patched, setHandler } from '@temporalio/workflow';
import type { DecisionTable } from '../../libs/domain/case/case-decision';
import { SYSTEM_ACTOR_ID } from '../../libs/domain/case/case-transition';
import type { Actor } from '../../libs/domain/case/actor';
import { DEADLINE_POLICY, type DeadlinePolicySnapshot } from '../../libs/domain/deadlines/deadline-policy';
import {
  adultOn,
  isCaseLevel,
  levelOneReviewDueAfter,
  nextLevelOneReviewDue,
  refuseLevelOneReview,
} from '../../libs/domain/youth/case-level.rules';
import type {
  AdultHandoverInput,
  CaseLevelInput,
  LevelOneReviewInput,
  YouthCaseState,
  YouthStepKind,
} from '../../libs/domain/youth/case-level.types';
import {
  LEVEL_ONE_REVIEW_UPDATE,
  type YouthCaseDecisionInputs,
  type YouthCaseFacts,
} from '../../libs/domain/youth/youth-case.decisions';
import type { CaseLevel } from '../../libs/domain/youth/youth-vocabulary';
import { addCalendarDays, parseLocalDate, startOfDanishDay } from '../../libs/domain/time/copenhagen-calendar';
import { onDecision, type DecidingCase } from './case-decisions';
import { caseEvent } from './case-event';
import type { CaseSteps } from './case-steps';
import { PATCHES } from './patches';
import { youthCaseStateQuery } from './case-level.messages';

/** What a youth case type's start input carries for the level and the handover at 18. */
export interface YouthCaseStart {
  deadlines: Partial<DeadlinePolicySnapshot>;
  birthDate?: string;
}

const SYSTEM: Actor = { id: SYSTEM_ACTOR_ID };

/**
 * The case level (*enkeltsagskoncept*), the monthly level-1 coordination meeting and the handover at 18 on
 * a youth case of any type. Its steps live among the case's own (one CaseSteps), so boards, deadlines and
 * warnings treat them as every other step; the case type calls `closeOpen` when it ends.
 */
export class YouthCaseTrack {
  private caseLevel: CaseLevel | null = null;
  private lastLevelOneReviewOn: string | null = null;

  constructor(
    private readonly subject: DecidingCase<unknown>,
    private readonly steps: CaseSteps<string>,
    private readonly input: YouthCaseStart,
    private readonly closed: () => boolean,
  ) {}

  snapshot(): YouthCaseState {
    return {
      closed: this.closed(),
      caseLevel: this.caseLevel,
      lastLevelOneReviewOn: this.lastLevelOneReviewOn,
      steps: this.steps.steps
        .filter((step) => step.kind === 'level_one_review' || step.kind === 'adult_handover')
        .map(({ kind, status, openedAt, dueAt }) => ({ kind, status, openedAt, dueAt })),
    };
  }

  /** The query, the type's `case-level` and `adult-handover` decisions, and the coordination meeting's update. */
  register(table: DecisionTable<YouthCaseState, YouthCaseDecisionInputs, YouthCaseFacts, YouthStepKind>): void {
    setHandler(youthCaseStateQuery, () => this.snapshot());
    const own =
      <Input>(refuse: (state: YouthCaseState, input: Input, now: Date) => ReturnType<typeof refuseLevelOneReview>) =>
      (_state: unknown, input: Input, now: Date) =>
        refuse(this.snapshot(), input, now);
    onDecision(
      this.subject,
      defineUpdate<unknown, [CaseLevelInput]>(table['case-level'].update),
      own(table['case-level'].refuse),
      (input) => this.setLevel(input.level, new Date().toISOString(), input.actor, input.reason),
    );
    onDecision(
      this.subject,
      defineUpdate<unknown, [AdultHandoverInput]>(table['adult-handover'].update),
      own(table['adult-handover'].refuse),
      (input) => this.decideHandover(input),
    );
    onDecision(
      this.subject,
      defineUpdate<unknown, [LevelOneReviewInput]>(LEVEL_ONE_REVIEW_UPDATE),
      own(refuseLevelOneReview),
      (input) => this.review(input),
    );
  }

  /**
   * Sets the level (an assessment's, or a decision's): a level-1 case gets its review step, due at the
   * month's meeting; a case leaving level 1 has it cancelled. On a closed case only the level is recorded.
   */
  setLevel(level: CaseLevel | undefined, at: string, actor: Actor, reason: string): void {
    if (!isCaseLevel(level) || !patched(PATCHES.caseLevels.id)) return;
    const previousLevel = this.caseLevel;
    this.caseLevel = level;
    this.subject.writer.enqueue({
      caseLevel: level,
      events: [
        caseEvent('case_level_set', at, actor, {
          ...(reason.trim() ? { reason } : {}),
          details: { level, previousLevel },
        }),
      ],
    });
    if (this.closed()) return;
    if (level === 1 && !this.steps.findOpen('level_one_review')) {
      this.steps.open(
        'level_one_review',
        levelOneReviewDueAfter(this.reviewRule, new Date(at)).toISOString(),
        at,
        actor,
      );
    } else if (level !== 1) {
      this.cancel('level_one_review', at, actor);
    }
  }

  /** The meeting reviewed the case: this month's step is completed (on the meeting's day), next month's opens. */
  private review(input: LevelOneReviewInput): void {
    const meetingDay = parseLocalDate(input.meetingDate)!;
    const completed = this.steps.complete('level_one_review', startOfDanishDay(meetingDay).toISOString(), 'reviewed');
    this.lastLevelOneReviewOn = input.meetingDate;
    const now = new Date().toISOString();
    this.subject.writer.enqueue({
      stepsClosed: [completed.record],
      events: [
        caseEvent('level_one_reviewed', startOfDanishDay(meetingDay).toISOString(), input.actor, {
          details: { meetingDate: input.meetingDate },
        }),
        completed.event(input.actor),
      ],
    });
    const nextDue = nextLevelOneReviewDue(this.reviewRule, completed.step.dueAt, input.meetingDate);
    // Opened from the day after the meeting (or now, if that is later): the next meeting is after this one.
    const dayAfter = startOfDanishDay(addCalendarDays(meetingDay, 1)).toISOString();
    this.steps.open('level_one_review', nextDue.toISOString(), dayAfter < now ? dayAfter : now, input.actor);
  }

  /**
   * From the start: on the youth's 18th birthday (Danish calendar), if the case is still open, the 18+
   * handover step opens. A case started before birth dates travelled in the input has none (no step).
   */
  async watchAdulthood(): Promise<void> {
    const { birthDate } = this.input;
    if (!birthDate || !patched(PATCHES.adultHandover.id)) return;
    const opensAt = adultOn(birthDate);
    const waitMs = opensAt.getTime() - Date.now();
    if (waitMs > 0 && (await condition(this.closed, waitMs))) return;
    if (this.closed()) return;
    const rule = this.input.deadlines.adultHandover ?? DEADLINE_POLICY.adultHandover.rule;
    this.steps.openByRule('adult_handover', rule, opensAt.toISOString(), SYSTEM);
  }

  private decideHandover(input: AdultHandoverInput): void {
    const completed = this.steps.complete(
      'adult_handover',
      input.decidedAt,
      input.handedOver ? 'handed_over' : 'not_handed_over',
    );
    this.subject.writer.enqueue({
      stepsClosed: [completed.record],
      events: [
        caseEvent('adult_handover_decided', input.decidedAt, input.actor, {
          reason: input.reason,
          details: { handedOver: input.handedOver, municipalityCode: input.municipalityCode },
        }),
        completed.event(input.actor),
      ],
    });
  }

  /** The case ended: its review and handover steps no longer apply. */
  closeOpen(at: string, actor: Actor): void {
    this.cancel('level_one_review', at, actor);
    this.cancel('adult_handover', at, actor);
  }

  private cancel(kind: YouthStepKind, at: string, actor: Actor): void {
    const cancelled = this.steps.cancel(kind, at, actor);
    if (cancelled) this.subject.writer.enqueue({ stepsClosed: [cancelled.record], events: [cancelled.event] });
  }

  private get reviewRule() {
    return this.input.deadlines.levelOneReview ?? DEADLINE_POLICY.levelOneReview.rule;
  }
}
