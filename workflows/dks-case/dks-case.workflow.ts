import { condition, patched, setHandler, uuid4 } from '@temporalio/workflow';
import {
  SYSTEM_ACTOR_ID,
  type CaseEventRecord,
  type CaseTransition,
  type StepClosedRecord,
} from '../../libs/domain/case/case-transition';
import { DEADLINE_POLICY } from '../../libs/domain/deadlines/deadline-policy';
import type {
  DksAssessmentInput,
  DksCaseEndInput,
  DksCaseMoveInput,
  SocialServicesParticipationInput,
  DksCaseState,
  DksCaseStatus,
  DksStepKind,
  FollowUpCheckInput,
  HomeVisitHeldInput,
  HomeVisitPlanInput,
  StartDksCaseInput,
} from '../../libs/domain/youth/dks-case.types';
import { DKS_CASE_STATUS, DKS_OUTCOME_STATUS } from '../../libs/domain/youth/dks-case.types';
import { onDecisions, onReadModelMessages, refuseUnencrypted, settleWrites } from '../case/case-decisions';
import { DKS_CASE_DECISIONS } from '../../libs/domain/youth/dks-case.decisions';
import { caseEvent } from '../case/case-event';
import { CaseSteps } from '../case/case-steps';
import { onStepDeadlineDecisions } from '../case/step-deadlines';
import { dksCaseStateQuery, dksReadModelSyncedUpdate } from './dks-case.messages';
import { ReadModelWriter } from '../case/read-model-writer';
import { CASE_WORKFLOWS } from '../../libs/domain/case/case-workflows';
import { PATCHES } from '../case/patches';
import { reasonCodeOf } from '../../libs/domain/case/ending-reasons';
import { YouthCaseTrack } from '../case/case-level';
import { DKS_YOUTH_DECISIONS } from '../../libs/domain/youth/youth-case.decisions';

export const DKS_CASE_WORKFLOW_ID_PREFIX = CASE_WORKFLOWS.dks_assessment.workflowIdPrefix;

/**
 * One DKS case (DOMAIN.md §3): the assessment due 24 elapsed hours after the charge or observation; on a
 * concern conversation, the home visit with social services; the follow-up check due 14 calendar days
 * after the visit. Deadlines escalate as everywhere; facts may be registered late.
 */
export async function dksCaseWorkflow(input: StartDksCaseInput): Promise<DksCaseState> {
  refuseUnencrypted(input);
  const dksCase = new DksCase(input);
  dksCase.start();
  // Before the read-model handlers: a youth already 18 has the handover step in the case's first answer.
  const youth = new YouthCaseTrack(dksCase, dksCase.deadlineSteps, input, () =>
    DKS_CASE_STATUS.isFinal(dksCase.status),
  );
  void youth.watchAdulthood();

  setHandler(dksCaseStateQuery, () => dksCase.snapshot());
  onReadModelMessages(dksReadModelSyncedUpdate, dksCase);
  youth.register(DKS_YOUTH_DECISIONS);
  onDecisions(dksCase, DKS_CASE_DECISIONS, {
    assessment: (decision) => {
      dksCase.recordAssessment(decision);
      youth.setLevel(decision.caseLevel, decision.decidedAt, decision.actor, '');
    },
    'home-visit-plan': (decision) => dksCase.planHomeVisit(decision),
    'home-visit': (decision) => dksCase.recordHomeVisit(decision),
    'follow-up': (decision) => dksCase.recordFollowUp(decision),
    'case-end': (decision) => dksCase.end(decision),
    move: (decision) => dksCase.move(decision),
    'social-services': (decision) => dksCase.recordSocialServices(decision),
  });
  onStepDeadlineDecisions(dksCase, dksCase.deadlineSteps);

  await condition(() => DKS_CASE_STATUS.isFinal(dksCase.status));
  youth.closeOpen(dksCase.snapshot().closedAt ?? new Date().toISOString(), { id: SYSTEM_ACTOR_ID });
  await settleWrites(dksCase.writer);
  return dksCase.snapshot();
}

class DksCase {
  readonly writer: ReadModelWriter;
  status: DksCaseStatus = 'awaiting_assessment';
  private readonly steps: CaseSteps<DksStepKind>;

  /** The steps, for the kernel's deadline decisions (suspend, resume, extend, missed reason). */
  get deadlineSteps(): CaseSteps<string> {
    return this.steps as CaseSteps<string>;
  }
  private assessedAt?: string;
  private homeVisitHeldAt?: string;
  private closedAt?: string;
  private policeDistrictCode: string;
  private homeVisitMunicipalityCode?: string;

  constructor(private readonly input: StartDksCaseInput) {
    this.policeDistrictCode = input.policeDistrictCode;
    this.writer = new ReadModelWriter(input.caseId, 'dks_assessment');
    this.steps = new CaseSteps<DksStepKind>(this.writer, { warningWindows: input.warningWindows });
  }

  snapshot(): DksCaseState {
    return {
      caseId: this.input.caseId,
      status: this.status,
      policeDistrictCode: this.policeDistrictCode,
      ...(this.homeVisitMunicipalityCode ? { homeVisitMunicipalityCode: this.homeVisitMunicipalityCode } : {}),
      triggeredAt: this.input.triggeredAt,
      steps: this.steps.steps.map((step) => ({ ...step })),
      ...(this.assessedAt ? { assessedAt: this.assessedAt } : {}),
      ...(this.homeVisitHeldAt ? { homeVisitHeldAt: this.homeVisitHeldAt } : {}),
      ...(this.closedAt ? { closedAt: this.closedAt } : {}),
    };
  }

  start(): void {
    const { input } = this;
    this.writer.enqueue({
      opened: {
        caseType: 'dks_assessment',
        workflowId: `${DKS_CASE_WORKFLOW_ID_PREFIX}${input.caseId}`,
        personRef: input.personRef,
        orgUnit: input.policeDistrictCode,
        status: this.status,
        openedAt: input.triggeredAt,
      },
      events: [
        caseEvent('dks_case_registered', input.triggeredAt, input.actor, { details: { trigger: input.trigger } }),
      ],
    });
    this.steps.openByRule('dks_assessment', input.deadlines.dksAssessment, input.triggeredAt, input.actor);
  }

  recordAssessment(decision: DksAssessmentInput): void {
    this.assessedAt = decision.decidedAt;
    const completed = this.steps.complete(
      'dks_assessment',
      decision.decidedAt,
      decision.concernConversation ? 'concern_conversation' : 'none',
    );
    const events = [
      caseEvent('dks_assessed', decision.decidedAt, decision.actor, {
        reason: decision.reason,
        // Without a concern conversation the case ends: the code says why (ending-reasons.ts).
        ...(decision.concernConversation ? {} : { reasonCode: reasonCodeOf(decision.reasonCode) }),
        details: { concernConversation: decision.concernConversation },
      }),
      completed.event(decision.actor),
    ];
    if (decision.concernConversation) {
      this.status = 'awaiting_home_visit';
      this.writer.enqueue({ status: { status: this.status }, stepsClosed: [completed.record], events });
      // Until the visit is planned the case has a step of its own, so it is on the boards, not forgotten.
      if (patched(PATCHES.homeVisitPlanning.id)) {
        const rule = this.input.deadlines.dksHomeVisitPlanning ?? DEADLINE_POLICY.dksHomeVisitPlanning.rule;
        this.steps.openByRule('home_visit_planning', rule, decision.decidedAt, decision.actor);
      }
    } else {
      this.close('closed_no_concern_conversation', decision.decidedAt, [completed.record], events);
    }
  }

  /** Planning opens the home-visit step, due at the planned time; a new plan moves it. */
  planHomeVisit(decision: HomeVisitPlanInput): void {
    const events = [
      caseEvent('home_visit_planned', new Date().toISOString(), decision.actor, {
        details: { plannedFor: decision.plannedFor },
      }),
    ];
    this.status = 'home_visit_planned';
    this.completePlanning(new Date().toISOString(), 'planned', decision.actor);
    // The municipality's social services see the planned visit (their narrow view), if one is named.
    const homeVisit = patched(PATCHES.dksOutcomes.id)
      ? this.planForSocialServices(decision)
      : ({} as Pick<CaseTransition, 'dksHomeVisit'>);
    const moved = this.steps.reschedule('home_visit', decision.plannedFor);
    if (moved) {
      this.writer.enqueue({ status: { status: this.status }, stepsRescheduled: [moved], ...homeVisit, events });
      return;
    }
    this.writer.enqueue({ status: { status: this.status }, ...homeVisit, events });
    this.steps.open('home_visit', decision.plannedFor, new Date().toISOString(), decision.actor);
  }

  /** The follow-up check is due 14 calendar days after the visit (the end of that Danish day). */
  recordHomeVisit(decision: HomeVisitHeldInput): void {
    this.homeVisitHeldAt = decision.heldAt;
    this.completePlanning(decision.heldAt, 'held_unplanned', decision.actor);
    if (!this.steps.findOpen('home_visit'))
      this.steps.open('home_visit', decision.heldAt, decision.heldAt, decision.actor);
    const completed = this.steps.complete('home_visit', decision.heldAt, 'held');
    this.status = 'awaiting_follow_up';
    this.writer.enqueue({
      status: { status: this.status },
      stepsClosed: [completed.record],
      events: [
        caseEvent('home_visit_held', decision.heldAt, decision.actor, {
          reason: decision.initiatives,
          details: { withSocialServices: true },
        }),
        completed.event(decision.actor),
      ],
    });
    this.steps.openByRule('follow_up_check', this.input.deadlines.dksFollowUpCheck, decision.heldAt, decision.actor);
  }

  recordFollowUp(decision: FollowUpCheckInput): void {
    const completed = this.steps.complete('follow_up_check', decision.checkedAt, 'checked');
    this.close(
      'followed_up',
      decision.checkedAt,
      [completed.record],
      [
        caseEvent('follow_up_checked', decision.checkedAt, decision.actor, { reason: decision.findings }),
        completed.event(decision.actor),
      ],
    );
  }

  private planForSocialServices(decision: HomeVisitPlanInput): Pick<CaseTransition, 'dksHomeVisit'> {
    this.homeVisitMunicipalityCode = decision.municipalityCode;
    return { dksHomeVisit: { plannedFor: decision.plannedFor, municipalityCode: decision.municipalityCode ?? null } };
  }

  /**
   * The case ends without a held visit (declined, not reached, an existing action plan continues): an
   * assessment still open is made by it, every other open step is cancelled.
   */
  end(decision: DksCaseEndInput): void {
    const at = decision.endedAt;
    const assessment = this.steps.findOpen('dks_assessment')
      ? this.steps.complete('dks_assessment', at, decision.outcome)
      : undefined;
    if (assessment) this.assessedAt = at;
    const cancelled = this.steps.cancelOpen(at, decision.actor);
    const events = [
      caseEvent('dks_case_ended', at, decision.actor, {
        reason: decision.reason,
        reasonCode: reasonCodeOf(decision.reasonCode),
        details: { outcome: decision.outcome },
      }),
      ...(assessment ? [assessment.event(decision.actor)] : []),
    ];
    events.push(...cancelled.events());
    this.close(
      DKS_OUTCOME_STATUS[decision.outcome],
      at,
      [...(assessment ? [assessment.record] : []), ...cancelled.records],
      events,
    );
  }

  /**
   * The youth has moved: the new district's DKS holds the case, the old one keeps its history. The open
   * steps stay as they are, deadlines and escalations included; they now wait for the new district.
   */
  move(decision: DksCaseMoveInput): void {
    const accessChanges = DKS_CASE_DECISIONS.move.accessAfter!(this.snapshot(), decision);
    const from = this.policeDistrictCode;
    this.policeDistrictCode = decision.toPoliceDistrictCode;
    this.writer.enqueue({
      orgUnit: decision.toPoliceDistrictCode,
      accessChanges,
      notifications: [
        { notificationId: uuid4(), recipientUnit: decision.toPoliceDistrictCode, kind: 'dks_case_moved' },
      ],
      events: [
        caseEvent('dks_case_moved', decision.movedAt, decision.actor, {
          details: { fromPoliceDistrictCode: from, toPoliceDistrictCode: decision.toPoliceDistrictCode },
        }),
      ],
    });
  }

  /** The reference of their own case arrives sealed; the event says only whether there is one. */
  recordSocialServices(decision: SocialServicesParticipationInput): void {
    this.writer.enqueue({
      dksHomeVisit: {
        participation: {
          participates: decision.participates,
          levelOneCaseRefEncrypted: decision.levelOneCaseRefEncrypted ?? null,
          recordedAt: decision.recordedAt,
          actorId: decision.actor.id,
        },
      },
      events: [
        caseEvent('social_services_participation_recorded', decision.recordedAt, decision.actor, {
          details: {
            municipalityCode: this.homeVisitMunicipalityCode ?? null,
            participates: decision.participates,
            levelOneCaseRecorded: decision.levelOneCaseRefEncrypted !== undefined,
          },
        }),
      ],
    });
  }

  /** Planning is done when the visit is planned, or held without a plan. */
  private completePlanning(at: string, outcome: string, actor: HomeVisitPlanInput['actor']): void {
    if (!this.steps.findOpen('home_visit_planning')) return;
    const completed = this.steps.complete('home_visit_planning', at, outcome);
    this.writer.enqueue({ stepsClosed: [completed.record], events: [completed.event(actor)] });
  }

  private close(status: DksCaseStatus, at: string, stepsClosed: StepClosedRecord[], events: CaseEventRecord[]): void {
    this.status = status;
    this.closedAt = at;
    this.writer.enqueue({ status: { status, closedAt: at }, stepsClosed, events });
  }
}
