import {
  EXIT_COURSE_DECISIONS,
  type ExitCourseDecisionInputs,
  type ExitCourseFacts,
} from '../../../../libs/domain/exit-course/exit-course.decisions';
import { EXIT_COURSE_STATUS, type ExitCourseState } from '../../../../libs/domain/exit-course/exit-course.types';
import {
  institutionReference,
  municipalityReference,
  policeDistrictReference,
} from '../../../../libs/domain/organisations/unit-references';
import { decisionRoute, type CaseSlice } from '../cases/case-slice';
import { givenReasonCode } from '../common/dto-fields';
import { instantOrNow } from '../common/instant-or-now';
import {
  AgreementSignedDto,
  AssessmentInputDto,
  MentorAssignmentDto,
  MentorContactDto,
  PsychologistCourseDto,
} from './dto/agreement-support.dto';
import { InterruptionDto } from './dto/interruption.dto';
import {
  ExpectedReleaseDateDto,
  HandoverDecisionDto,
  HandoverRedirectDto,
  PrisonTransferDto,
  ReadinessDto,
  ReleaseDto,
  ReleasePlanDto,
} from './dto/release.dto';
import { SuitabilityAssessmentDto } from './dto/suitability-assessment.dto';
import { PoliceCourseEndDto, PolicePlanDto, PoliceReviewDto, ReoffendingCheckDto } from './dto/police-phase.dto';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import type { MentorOrganisation } from '../../../../libs/domain/exit-course/police-phase.types';
import { HandoverReportDto, HandoverViewDto } from './dto/handover-preparation.dto';

/** The exit course as the API's case kernel knows it: its decisions, and the body each route takes. */
export const EXIT_COURSE_SLICE: CaseSlice<ExitCourseState, ExitCourseDecisionInputs, ExitCourseFacts> = {
  caseType: 'exit_course',
  decisions: EXIT_COURSE_DECISIONS,
  statuses: EXIT_COURSE_STATUS,
  closedMessage: (statusText) => `Forløbet er ${statusText} og kan ikke ændres.`,
  routes: {
    'suitability-assessment': decisionRoute(SuitabilityAssessmentDto, (body, actor) => {
      const decidedAt = instantOrNow(body.decidedAt);
      return body.outcome === 'offer'
        ? { outcome: 'offer', decidedAt, actor }
        : { outcome: 'rejection', decidedAt, ...givenReasonCode(body), reason: body.reason ?? '', actor };
    }),
    'assessment-inputs': decisionRoute(AssessmentInputDto, (body, actor) => ({
      party: body.party,
      summary: body.summary,
      recordedAt: instantOrNow(body.recordedAt),
      actor,
    })),
    'agreement-signed': {
      ...decisionRoute(AgreementSignedDto, (body, actor) => ({
        signedAt: instantOrNow(body.signedAt),
        actor,
      })),
      requiredDocument: {
        type: 'exit_agreement',
        required: (config) => config.documents.requireSignedExitAgreement,
        message:
          'Exit-aftalen kan først registreres som underskrevet, når den underskrevne aftale er lagt på sagen som dokument af typen exit-aftale (under Dokumenter). Intet er ændret.',
      },
    },
    mentor: decisionRoute(MentorAssignmentDto, (body, actor) => ({
      mentorRef: body.mentorRef,
      assignedAt: instantOrNow(body.assignedAt),
      actor,
    })),
    'mentor-contacts': decisionRoute(MentorContactDto, (body, actor, user) => ({
      contactAt: instantOrNow(body.contactAt),
      form: body.form,
      durationMinutes: body.durationMinutes,
      organisation: MENTOR_ORGANISATION_OF[user.organisation],
      actor,
    })),
    'psychologist-course': decisionRoute(PsychologistCourseDto, (body, actor) => ({
      event: body.event,
      at: instantOrNow(body.at),
      actor,
    })),
    transfer: decisionRoute(
      PrisonTransferDto,
      (body, actor) => ({
        toInstitutionCode: body.toInstitutionCode,
        transferredAt: instantOrNow(body.transferredAt),
        actor,
      }),
      (input) => [institutionReference(input.toInstitutionCode)],
    ),
    'release-plan': decisionRoute(
      ReleasePlanDto,
      (body, actor) => ({
        municipalityCode: body.municipalityCode,
        policeDistrictCode: body.policeDistrictCode,
        actor,
      }),
      (input) => [municipalityReference(input.municipalityCode), policeDistrictReference(input.policeDistrictCode)],
    ),
    'expected-release-date': decisionRoute(ExpectedReleaseDateDto, (body, actor) => ({
      expectedReleaseDate: body.expectedReleaseDate,
      reason: body.reason,
      actor,
    })),
    readiness: decisionRoute(ReadinessDto, (body, actor) => ({
      item: body.item,
      ready: body.ready,
      ...(body.note ? { note: body.note } : {}),
      actor,
    })),
    release: decisionRoute(
      ReleaseDto,
      (body, actor) => ({
        releasedAt: instantOrNow(body.releasedAt),
        ...(body.policeDistrictCode ? { policeDistrictCode: body.policeDistrictCode } : {}),
        ...(body.municipalityCode ? { municipalityCode: body.municipalityCode } : {}),
        actor,
      }),
      // Left out, the release plan's units apply: they were checked when the plan was set.
      (input) => [
        ...(input.policeDistrictCode ? [policeDistrictReference(input.policeDistrictCode)] : []),
        ...(input.municipalityCode ? [municipalityReference(input.municipalityCode)] : []),
      ],
    ),
    interruption: decisionRoute(InterruptionDto, (body, actor) => ({
      by: body.by,
      ...givenReasonCode(body),
      reason: body.reason ?? '',
      interruptedAt: instantOrNow(body.interruptedAt),
      actor,
    })),
    // The free texts arrive sealed (HandoverTexts, in the controller).
    'handover-report': decisionRoute(HandoverReportDto, (body, actor) => ({
      plan: body.plan,
      planStatus: body.planStatus,
      readinessOwners: [
        { item: 'housing', owner: body.housingOwner },
        { item: 'income', owner: body.incomeOwner },
        { item: 'job_or_education_plan', owner: body.jobOrEducationPlanOwner },
        { item: 'mentor_continuity', owner: body.mentorContinuityOwner },
      ],
      riskAssessment: body.riskAssessment,
      extendedAddressProtection: body.extendedAddressProtection,
      ...(body.paroleConditions ? { paroleConditions: body.paroleConditions } : {}),
      contactName: body.contactName,
      contactPhone: body.contactPhone,
      submittedAt: instantOrNow(body.submittedAt),
      actor,
    })),
    // The party is the user's own organisation: nobody gives another's view.
    'handover-view': decisionRoute(HandoverViewDto, (body, actor, user) => ({
      party: user.organisation === 'kommune' ? 'municipality' : 'kriminalforsorgen',
      recommendation: body.recommendation,
      view: body.view,
      recordedAt: instantOrNow(body.recordedAt),
      actor,
    })),
    'handover-decision': decisionRoute(HandoverDecisionDto, (body, actor) => {
      const common = { decidedAt: instantOrNow(body.decidedAt), actor };
      return body.decision === 'accept'
        ? {
            decision: 'accept',
            continuation: body.continuation!,
            ...givenReasonCode(body),
            ...(body.reason ? { reason: body.reason } : {}),
            ...common,
          }
        : { decision: 'decline', ...givenReasonCode(body), reason: body.reason ?? '', ...common };
    }),
    'handover-redirect': decisionRoute(
      HandoverRedirectDto,
      (body, actor) => ({
        policeDistrictCode: body.policeDistrictCode,
        redirectedAt: instantOrNow(undefined),
        actor,
      }),
      (input) => [policeDistrictReference(input.policeDistrictCode)],
    ),
    'police-plan': decisionRoute(PolicePlanDto, (body, actor) => ({
      summary: body.summary,
      runBy: body.runBy,
      recordedAt: instantOrNow(body.recordedAt),
      actor,
    })),
    'police-review': decisionRoute(PoliceReviewDto, (body, actor) => ({
      summary: body.summary,
      reviewedAt: instantOrNow(body.reviewedAt),
      actor,
    })),
    'police-course-end': decisionRoute(
      PoliceCourseEndDto,
      (body, actor) => ({
        outcome: body.outcome,
        ...givenReasonCode(body),
        reason: body.reason ?? '',
        endedAt: instantOrNow(body.endedAt),
        ...(body.toPoliceDistrictCode ? { toPoliceDistrictCode: body.toPoliceDistrictCode } : {}),
        actor,
      }),
      (input) => (input.toPoliceDistrictCode ? [policeDistrictReference(input.toPoliceDistrictCode)] : []),
    ),
    'reoffending-check': decisionRoute(ReoffendingCheckDto, (body, actor) => ({
      reoffended: body.reoffended,
      ...(body.note ? { note: body.note } : {}),
      checkedAt: instantOrNow(body.checkedAt),
      actor,
    })),
  },
};

/** Whose mentor held a contact: the organisation of the user who logs it. */
const MENTOR_ORGANISATION_OF: Record<Organisation, MentorOrganisation> = {
  kriminalforsorgen: 'kriminalforsorgen',
  politi: 'police',
  kommune: 'municipality',
};
