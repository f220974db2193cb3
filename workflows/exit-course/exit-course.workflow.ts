import { condition, continueAsNew, patched, setHandler, workflowInfo, uuid4 } from '@temporalio/workflow';
import type { CaseEventRecord, StepClosedRecord } from '../../libs/domain/case/case-transition';
import type { DeadlineRule } from '../../libs/domain/deadlines/deadline-rule';
import { DEADLINE_POLICY, type DeadlineName } from '../../libs/domain/deadlines/deadline-policy';
import { isFinal, missingReadiness } from '../../libs/domain/exit-course/exit-course.rules';
import type {
  AgreementSignedInput,
  AssessmentPartyInput,
  ExitCourseState,
  MentorAssignmentInput,
  MentorContactInput,
  PrisonTransferInput,
  PsychologistCourseInput,
  ReleaseInput,
  HandoverDecisionInput,
  HandoverRedirectInput,
  HandoverContinuation,
  ExitCourseStatus,
  ExitCourseStepKind,
  InterruptionInput,
  StartExitCourseInput,
  OutsidePrisonStart,
  StepState,
  SuitabilityAssessmentInput,
} from '../../libs/domain/exit-course/exit-course.types';
import { exitCourseStateQuery, readModelSyncedUpdate } from './exit-course.messages';
import { onDecisions, onReadModelMessages, refuseUnencrypted, settleWrites } from '../case/case-decisions';
import type { AccessChange } from '../../libs/domain/case/case-decision';
import {
  EXIT_COURSE_DECISIONS,
  prisonOf,
  releaseDestination,
  type ExitCourseDecisionInputs,
  type ExitCourseDecisionName,
} from '../../libs/domain/exit-course/exit-course.decisions';
import { caseEvent } from '../case/case-event';
import { CaseSteps } from '../case/case-steps';
import { onStepDeadlineDecisions } from '../case/step-deadlines';
import { ReadModelWriter } from '../case/read-model-writer';
import { CASE_WORKFLOWS } from '../../libs/domain/case/case-workflows';
import { PATCHES } from '../case/patches';
import { copyOf, initialFacts, type CourseFacts } from './course-state';
import { ReleasePreparation } from './release-preparation';
import { PolicePhase } from './police-phase';
import { HandoverPreparation } from './handover-preparation';
import { STEP_KINDS } from '../../libs/domain/case/step-kinds';
import { reasonCodeOf } from '../../libs/domain/case/ending-reasons';

export const EXIT_COURSE_WORKFLOW_ID_PREFIX = CASE_WORKFLOWS.exit_course.workflowIdPrefix;

/**
 * One exit course (DOMAIN.md §1) from referral to its end. Temporal holds the process state; every
 * transition is mirrored to the read model through {@link ReadModelWriter}. Human decisions are updates
 * whose synchronous validators refuse illegal transitions before anything changes.
 */
export async function exitCourseWorkflow(input: StartExitCourseInput): Promise<ExitCourseState> {
  refuseUnencrypted(input);
  const course = new ExitCourse(input);
  // Start before registering handlers: an update that came with the start (update-with-start) is
  // dispatched as soon as its handler is set, and must find the opening transitions already queued.
  if (input.carried) course.resume();
  else course.start();
  // Added after the first histories were recorded: courses started before it carry no release timer. A
  // course outside prison has no release (no marker of that patch either: it never existed without it).
  if (!course.outsidePrison && patched(PATCHES.releasePreparation.id)) void course.release.watch();
  // Arms nothing until a police phase has ended (only courses with the police-phase patch get there).
  void course.police.watch();

  setHandler(exitCourseStateQuery, () => course.snapshot());
  onReadModelMessages(readModelSyncedUpdate, course);
  onDecisions(course, EXIT_COURSE_DECISIONS, {
    'suitability-assessment': (input) => course.recordSuitabilityAssessment(input),
    'assessment-inputs': (input) => course.recordAssessmentInput(input),
    'agreement-signed': (input) => course.recordAgreementSigned(input),
    mentor: (input) => course.assignMentor(input),
    'mentor-contacts': (input) => course.logMentorContact(input),
    'psychologist-course': (input) => course.recordPsychologistCourse(input),
    transfer: (input) => course.recordPrisonTransfer(input),
    'release-plan': (input) => course.release.setReleasePlan(input),
    'expected-release-date': (input) => course.release.changeExpectedReleaseDate(input),
    readiness: (input) => course.release.updateReadiness(input),
    release: (input) => course.recordRelease(input),
    interruption: (input) => course.interrupt(input),
    'handover-report': (input) => course.handover.submitReport(input),
    'handover-view': (input) => course.handover.recordView(input),
    'handover-decision': (input) => course.decideHandover(input),
    'handover-redirect': (input) => course.redirectHandover(input),
    'police-plan': (input) => course.police.recordPlan(input),
    'police-review': (input) => course.police.recordReview(input),
    'police-course-end': (input) => course.police.end(input),
    'reoffending-check': (input) => course.police.recordReoffendingCheck(input),
  });
  onStepDeadlineDecisions(course, course.deadlineSteps);

  // A course can last years: when its history grows (mentor contacts), it continues as new, carrying all.
  const historyLimit = input.historyEventLimit ?? DEFAULT_HISTORY_EVENT_LIMIT;
  const historyIsLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit;
  await condition(() => isFinal(course.status) || historyIsLong());
  await settleWrites(course.writer);
  if (!isFinal(course.status)) {
    return continueAsNew<typeof exitCourseWorkflow>({
      ...input,
      carried: { state: course.snapshot(), lastSeq: course.writer.lastSeq },
    });
  }
  return course.snapshot();
}

type CompletedStep = ReturnType<CaseSteps<ExitCourseStepKind>['complete']>;

/** Well below Temporal's limits (warnings at 10,240 events); the server may suggest continuing sooner. */
export const DEFAULT_HISTORY_EVENT_LIMIT = 5000;

class ExitCourse {
  readonly writer: ReadModelWriter;
  private readonly stepTracker: CaseSteps<ExitCourseStepKind>;

  /** The steps, for the kernel's deadline decisions (suspend, resume, extend, missed reason). */
  get deadlineSteps(): CaseSteps<string> {
    return this.stepTracker as CaseSteps<string>;
  }
  private readonly state: CourseFacts;
  readonly release: ReleasePreparation;
  readonly handover: HandoverPreparation;
  readonly police: PolicePhase;
  /** Started by a police exit unit or a municipality (the patch only ever applies to such courses). */
  readonly outsidePrison?: OutsidePrisonStart;

  get status(): ExitCourseStatus {
    return this.state.status;
  }

  private get steps(): StepState[] {
    return this.stepTracker.steps;
  }

  constructor(private readonly input: StartExitCourseInput) {
    // Evaluated for courses outside prison only: a prison course records no marker and replays as before.
    if (input.outsidePrison && patched(PATCHES.outsidePrisonStart.id)) this.outsidePrison = input.outsidePrison;
    this.writer = new ReadModelWriter(input.caseId, 'exit_course', input.carried?.lastSeq);
    this.stepTracker = new CaseSteps<ExitCourseStepKind>(this.writer, {
      warningWindows: input.warningWindows,
      escalationDetails: (step) =>
        STEP_KINDS[step.kind].escalationNames === 'missing_readiness'
          ? { missing: missingReadiness(this.state.readiness).join(',') }
          : ({} as Record<string, string>),
    });
    const carried = input.carried?.state;
    if (carried) {
      const { steps, ...facts } = copyOf(carried);
      this.state = facts;
      this.steps.push(...steps);
    } else {
      this.state = initialFacts(input);
    }
    const parts = {
      state: this.state,
      writer: this.writer,
      steps: this.stepTracker,
      deadline: (name: DeadlineName) => this.deadline(name),
    };
    this.handover = new HandoverPreparation(parts);
    this.release = new ReleasePreparation(parts, this.handover);
    this.police = new PolicePhase(parts);
  }

  /** A continued run: the read model already has everything; only the deadline timers are armed again. */
  resume(): void {
    this.stepTracker.resume();
  }

  /** The course as it stands, for the table's pure functions to read (not a copy: never handed out). */
  private current(): ExitCourseState {
    return { ...this.state, steps: this.steps };
  }

  snapshot(): ExitCourseState {
    return { ...copyOf(this.state), steps: copyOf(this.steps) };
  }

  start(): void {
    const { input, outsidePrison } = this;
    const referralSource: Record<string, string> = input.referralSource ? { referralSource: input.referralSource } : {};
    this.writer.enqueue({
      opened: {
        caseType: 'exit_course',
        workflowId: `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${input.caseId}`,
        personRef: input.personRef,
        orgUnit: outsidePrison ? outsidePrison.startingUnitCode : input.institutionCode!,
        status: this.state.status,
        openedAt: input.referredAt,
        exitCourse: outsidePrison
          ? { paroleLinked: false, outsidePrison: true, ...referralSource }
          : { expectedReleaseDate: input.expectedReleaseDate!, paroleLinked: input.paroleLinked, ...referralSource },
      },
      events: [
        caseEvent('case_started', input.referredAt, input.actor, {
          details: outsidePrison
            ? {
                startingUnitCode: outsidePrison.startingUnitCode,
                startedBy: outsidePrison.startedBy,
                policeDistrictCode: outsidePrison.policeDistrictCode,
                ...referralSource,
              }
            : { institutionCode: input.institutionCode!, paroleLinked: input.paroleLinked, ...referralSource },
        }),
      ],
    });
    this.stepTracker.openByRule(
      'suitability_assessment',
      input.deadlines.suitabilityAssessment,
      input.referredAt,
      input.actor,
    );
  }

  recordSuitabilityAssessment(assessment: SuitabilityAssessmentInput): void {
    const completed = this.stepTracker.complete('suitability_assessment', assessment.decidedAt, assessment.outcome);
    if (assessment.outcome === 'offer') {
      this.state.status = 'awaiting_agreement_signature';
      this.writer.enqueue({
        status: { status: this.state.status },
        stepsClosed: [completed.record],
        events: [
          caseEvent('suitability_offer', assessment.decidedAt, assessment.actor, { stepId: completed.step.stepId }),
          completed.event(assessment.actor),
        ],
      });
      this.stepTracker.openByRule(
        'agreement_signing',
        this.input.deadlines.agreementSigning,
        assessment.decidedAt,
        assessment.actor,
      );
    } else {
      this.close(
        'rejected',
        assessment.decidedAt,
        [completed.record],
        [
          caseEvent('suitability_rejection', assessment.decidedAt, assessment.actor, {
            stepId: completed.step.stepId,
            reason: assessment.reason,
            reasonCode: reasonCodeOf(assessment.reasonCode),
          }),
          completed.event(assessment.actor),
        ],
      );
    }
  }

  recordAssessmentInput(input: AssessmentPartyInput): void {
    this.state.assessmentInputs.push(input.party);
    this.writer.enqueue({
      events: [
        caseEvent('assessment_input_recorded', input.recordedAt, input.actor, {
          reason: input.summary,
          details: { party: input.party },
        }),
      ],
    });
  }

  recordAgreementSigned(input: AgreementSignedInput): void {
    const completed = this.stepTracker.complete('agreement_signing', input.signedAt, 'signed');
    if (this.outsidePrison) {
      this.beginOutsidePrison(input, completed);
      return;
    }
    this.state.status = 'agreement_active';
    this.writer.enqueue({
      status: { status: this.state.status },
      stepsClosed: [completed.record],
      events: [
        caseEvent('agreement_signed', input.signedAt, input.actor, { stepId: completed.step.stepId }),
        completed.event(input.actor),
      ],
    });
    this.stepTracker.openByRule(
      'mentor_assignment',
      this.input.deadlines.mentorAssignment,
      input.signedAt,
      input.actor,
    );
  }

  /**
   * Outside prison the agreement begins the police phase at once: no mentor-assignment step of
   * Kriminalforsorgen's, no release; mentors and contacts are the police phase's (police-phase.ts).
   */
  private beginOutsidePrison(input: AgreementSignedInput, completed: CompletedStep): void {
    this.writer.enqueue({
      stepsClosed: [completed.record],
      accessChanges: this.accessAfter('agreement-signed', input),
      events: [
        caseEvent('agreement_signed', input.signedAt, input.actor, { stepId: completed.step.stepId }),
        completed.event(input.actor),
      ],
    });
    this.police.begin({
      via: 'agreement',
      policeDistrictCode: this.outsidePrison!.policeDistrictCode,
      at: input.signedAt,
      actor: input.actor,
    });
  }

  /** The first assignment completes the mentor-assignment step and starts the contact cadence; later ones change mentor. */
  assignMentor(input: MentorAssignmentInput): void {
    const previous = this.state.mentor.mentorRef;
    this.state.mentor.mentorRef = input.mentorRef;
    this.state.mentor.assignedAt = input.assignedAt;
    const assignment = this.steps.find((step) => step.kind === 'mentor_assignment' && step.status === 'open');
    const completed = assignment
      ? this.stepTracker.complete('mentor_assignment', input.assignedAt, 'assigned')
      : undefined;
    this.writer.enqueue({
      exitCourseFacts: { mentorRef: input.mentorRef },
      stepsClosed: completed ? [completed.record] : [],
      events: [
        previous
          ? caseEvent('mentor_changed', input.assignedAt, input.actor, {
              details: { from: previous, to: input.mentorRef },
            })
          : caseEvent('mentor_assigned', input.assignedAt, input.actor, { details: { mentorRef: input.mentorRef } }),
        ...(completed ? [completed.event(input.actor)] : []),
      ],
    });
    if (!previous)
      this.stepTracker.openByRule(
        'mentor_contact',
        this.input.deadlines.mentorContactCadence,
        input.assignedAt,
        input.actor,
      );
  }

  /**
   * A contact at or after the open cadence step's start completes it and opens the next one from the
   * contact; a contact logged afterwards for an earlier date is recorded without moving the cadence.
   */
  logMentorContact(input: MentorContactInput): void {
    this.state.mentor.contactCount += 1;
    this.state.mentor.contactMinutes += input.durationMinutes;
    if (!this.state.mentor.lastContactAt || Date.parse(input.contactAt) > Date.parse(this.state.mentor.lastContactAt)) {
      this.state.mentor.lastContactAt = input.contactAt;
    }
    const cadence = this.steps.find((step) => step.kind === 'mentor_contact' && step.status === 'open');
    const movesCadence = cadence !== undefined && Date.parse(input.contactAt) >= Date.parse(cadence.openedAt);
    const completed = movesCadence
      ? this.stepTracker.complete('mentor_contact', input.contactAt, input.form)
      : undefined;
    const contactId = uuid4();
    const organisation = input.organisation ?? 'kriminalforsorgen';
    this.writer.enqueue({
      mentorContacts: [
        {
          contactId,
          contactAt: input.contactAt,
          form: input.form,
          durationMinutes: input.durationMinutes,
          ...(this.state.mentor.mentorRef ? { mentorRef: this.state.mentor.mentorRef } : {}),
          organisation,
        },
      ],
      stepsClosed: completed ? [completed.record] : [],
      events: [
        caseEvent('mentor_contact_logged', input.contactAt, input.actor, {
          details: { contactId, form: input.form, durationMinutes: input.durationMinutes, organisation },
        }),
        ...(completed ? [completed.event(input.actor)] : []),
      ],
    });
    if (movesCadence)
      this.stepTracker.openByRule(
        'mentor_contact',
        this.input.deadlines.mentorContactCadence,
        input.contactAt,
        input.actor,
      );
  }

  recordPsychologistCourse(input: PsychologistCourseInput): void {
    this.state.psychologistCourse = input.event === 'started' ? 'ongoing' : 'ended';
    this.writer.enqueue({
      exitCourseFacts: { psychologistCourse: this.state.psychologistCourse },
      events: [
        caseEvent(
          input.event === 'started' ? 'psychologist_course_started' : 'psychologist_course_ended',
          input.at,
          input.actor,
        ),
      ],
    });
  }

  /**
   * The course continues unchanged at the receiving prison, which gains the case; the sending prison keeps
   * read-only history. The municipality and police district of the release plan are told (outbox).
   */
  recordPrisonTransfer(input: PrisonTransferInput): void {
    const from = prisonOf(this.state);
    const accessChanges = this.accessAfter('transfer', input);
    this.state.institutionCode = input.toInstitutionCode;
    this.writer.enqueue({
      orgUnit: input.toInstitutionCode,
      accessChanges,
      notifications: this.release.notify('prison_transfer'),
      events: [
        caseEvent('prison_transfer', input.transferredAt, input.actor, {
          details: { from, to: input.toInstitutionCode },
        }),
      ],
    });
  }

  /**
   * The release ends Kriminalforsorgen's part: its open steps close, the institution keeps read-only
   * history, and the case is handed over to the police exit unit of the district the person is released
   * to, which must accept or decline within the policy deadline. The municipality can read the case.
   */
  recordRelease(input: ReleaseInput): void {
    const { policeDistrictCode, municipalityCode } = releaseDestination(this.current(), input);
    const accessChanges = this.accessAfter('release', input);
    // Accepted before the release by the district released to: no decision waits, the course goes straight on.
    const accepted = this.handover.acceptedFor(policeDistrictCode);
    this.state.handover = {
      policeDistrictCode,
      municipalityCode,
      releasedAt: input.releasedAt,
      ...(accepted ? { continuation: accepted.continuation } : {}),
    };
    this.state.status = 'awaiting_handover_decision';
    const cancelled = this.stepTracker.cancelOpen(input.releasedAt, input.actor);
    this.writer.enqueue({
      status: { status: this.state.status },
      stepsClosed: cancelled.records,
      exitCourseFacts: {
        releasedAt: input.releasedAt,
        handoverDistrict: policeDistrictCode,
        releaseMunicipality: municipalityCode,
      },
      accessChanges,
      // No handover notice after an acceptance before the release: no decision waits for the exit unit.
      notifications: [
        ...(accepted
          ? []
          : [{ notificationId: uuid4(), recipientUnit: policeDistrictCode, kind: 'handover' as const }]),
        { notificationId: uuid4(), recipientUnit: municipalityCode, kind: 'release' },
      ],
      events: [
        caseEvent('released', input.releasedAt, input.actor, {
          details: {
            institutionCode: prisonOf(this.state),
            notReady: missingReadiness(this.state.readiness).join(',') || null,
          },
        }),
        caseEvent('handed_over', input.releasedAt, input.actor, { details: { policeDistrictCode, municipalityCode } }),
        ...cancelled.events(),
      ],
    });
    if (accepted) {
      this.goOnAfterAcceptance(accepted.continuation, policeDistrictCode, input);
      return;
    }
    this.stepTracker.openByRule('handover_decision', this.deadline('handoverDecision'), input.releasedAt, input.actor);
  }

  /** At the release, after an acceptance before it: closed at once, or on with the police exit unit. */
  private goOnAfterAcceptance(
    continuation: HandoverContinuation,
    policeDistrictCode: string,
    input: ReleaseInput,
  ): void {
    this.writer.enqueue({ exitCourseFacts: { handoverContinuation: continuation }, events: [] });
    if (continuation === 'closed') {
      this.close('handed_over_closed', input.releasedAt, [], []);
      return;
    }
    this.police.begin({ via: 'handover', policeDistrictCode, at: input.releasedAt, actor: input.actor });
  }

  decideHandover(input: HandoverDecisionInput): void {
    if (this.state.status === 'agreement_active' && patched(PATCHES.handoverPreparation.id)) {
      this.handover.decideBeforeRelease(input);
      return;
    }
    const completed = this.stepTracker.complete('handover_decision', input.decidedAt, input.decision);
    const district = this.state.handover!.policeDistrictCode;
    if (input.decision === 'accept') {
      this.state.handover!.continuation = input.continuation;
      this.writer.enqueue({
        exitCourseFacts: { handoverContinuation: input.continuation },
        events: [],
      });
      const accepted = caseEvent('handover_accepted', input.decidedAt, input.actor, {
        stepId: completed.step.stepId,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.continuation === 'closed' ? { reasonCode: reasonCodeOf(input.reasonCode) } : {}),
        details: { continuation: input.continuation, policeDistrictCode: district },
      });
      // Added after the first histories were recorded: before it, a continued course ended at the acceptance.
      if (input.continuation !== 'closed' && patched(PATCHES.policePhase.id)) {
        this.writer.enqueue({ stepsClosed: [completed.record], events: [accepted, completed.event(input.actor)] });
        this.police.begin({ via: 'handover', policeDistrictCode: district, at: input.decidedAt, actor: input.actor });
        return;
      }
      this.close(
        input.continuation === 'closed' ? 'handed_over_closed' : 'handed_over_continued',
        input.decidedAt,
        [completed.record],
        [accepted, completed.event(input.actor)],
      );
      return;
    }
    // Declined: back to Kriminalforsorgen, which hands over to another district; the district keeps history.
    const accessChanges = this.accessAfter('handover-decision', input);
    this.state.status = 'handover_declined';
    this.writer.enqueue({
      status: { status: this.state.status },
      stepsClosed: [completed.record],
      accessChanges,
      events: [
        caseEvent('handover_declined', input.decidedAt, input.actor, {
          stepId: completed.step.stepId,
          reason: input.reason,
          reasonCode: reasonCodeOf(input.reasonCode),
          details: { policeDistrictCode: district },
        }),
        completed.event(input.actor),
      ],
    });
    this.stepTracker.openByRule('handover_redirect', this.deadline('handoverDecision'), input.decidedAt, input.actor);
  }

  redirectHandover(input: HandoverRedirectInput): void {
    const completed = this.stepTracker.complete('handover_redirect', input.redirectedAt, 'redirected');
    const accessChanges = this.accessAfter('handover-redirect', input);
    this.state.handover = { ...this.state.handover!, policeDistrictCode: input.policeDistrictCode };
    this.state.status = 'awaiting_handover_decision';
    this.writer.enqueue({
      status: { status: this.state.status },
      stepsClosed: [completed.record],
      exitCourseFacts: { handoverDistrict: input.policeDistrictCode },
      accessChanges,
      notifications: [{ notificationId: uuid4(), recipientUnit: input.policeDistrictCode, kind: 'handover' }],
      events: [
        caseEvent('handed_over', input.redirectedAt, input.actor, {
          stepId: completed.step.stepId,
          details: { policeDistrictCode: input.policeDistrictCode },
        }),
        completed.event(input.actor),
      ],
    });
    this.stepTracker.openByRule(
      'handover_decision',
      this.deadline('handoverDecision'),
      input.redirectedAt,
      input.actor,
    );
  }

  interrupt(interruption: InterruptionInput): void {
    const cancelled = this.stepTracker.cancelOpen(interruption.interruptedAt, interruption.actor);
    this.close(
      interruption.by === 'inmate' ? 'interrupted_by_inmate' : 'interrupted_by_kriminalforsorgen',
      interruption.interruptedAt,
      cancelled.records,
      [
        caseEvent('course_interrupted', interruption.interruptedAt, interruption.actor, {
          reason: interruption.reason,
          reasonCode: reasonCodeOf(interruption.reasonCode),
          details: { by: interruption.by },
        }),
        ...cancelled.events(),
      ],
    );
  }

  private close(
    status: ExitCourseStatus,
    at: string,
    stepsClosed: StepClosedRecord[],
    events: CaseEventRecord[],
  ): void {
    this.state.status = status;
    this.state.closedAt = at;
    this.writer.enqueue({ status: { status, closedAt: at }, stepsClosed, events });
  }

  /** The units that may read or change the course after a decision, as its table declares them. */
  private accessAfter<Name extends ExitCourseDecisionName>(
    name: Name,
    input: ExitCourseDecisionInputs[Name],
  ): AccessChange[] {
    return EXIT_COURSE_DECISIONS[name].accessAfter?.(this.current(), input) ?? [];
  }

  /** A deadline rule of this course; one added to the policy after the course started takes its default. */
  private deadline(name: DeadlineName): DeadlineRule {
    return this.input.deadlines[name] ?? DEADLINE_POLICY[name].rule;
  }
}
