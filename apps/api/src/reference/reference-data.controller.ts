import {
  PROTECTION_REASON_LABELS,
  PROTECTION_REASONS,
  REVEAL_REASON_LABELS,
  REVEAL_REASONS,
  type ProtectionReason,
  type RevealReason,
} from '../../../../libs/domain/persons/person-protection';
import { CASE_LEVEL_LABELS, CASE_LEVELS, type CaseLevel } from '../../../../libs/domain/youth/youth-vocabulary';

import {
  DKS_CASE_OUTCOMES,
  DKS_CASE_OUTCOME_LABELS,
  type DksCaseOutcome,
} from '../../../../libs/domain/youth/youth-vocabulary';
import {
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
  type ReferralSource,
} from '../../../../libs/domain/exit-course/police-phase.types';
import {
  HANDOVER_RECOMMENDATION_LABELS,
  HANDOVER_RECOMMENDATIONS,
  HANDOVER_VIEW_PARTIES,
  HANDOVER_VIEW_PARTY_LABELS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  READINESS_OWNER_LABELS,
  READINESS_OWNERS,
  type HandoverRecommendation,
  type HandoverViewParty,
  type PlanStatus,
  type ReadinessOwner,
} from '../../../../libs/domain/exit-course/handover-preparation.types';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/api-responses';
import {
  BooleanView,
  ChoiceListView,
  ChoiceView,
  MomentView,
  NestedView,
  NumberView,
  TextView,
} from '../common/view-properties';
import { CASE_TYPE_STATUSES } from '../../../../libs/domain/case/case-type-statuses';
import {
  ALL_ENDING_REASON_CODES,
  ENDING_NAMES,
  ENDINGS,
  type EndingName,
} from '../../../../libs/domain/case/ending-reasons';
import { ROLE_LABELS, ROLE_ORGANISATIONS, ROLES, type Role } from '../../../../libs/domain/organisations/roles';
import { CASE_TYPES, type CaseType } from '../../../../libs/domain/case/case-transition';
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  NOTE_KIND_LABELS,
  NOTE_KINDS,
  type DocumentType,
  type NoteKind,
} from '../../../../libs/domain/case/case-journal';
import { CASE_RESOURCES, CASE_TYPE_LABELS, STEP_KIND_NAMES, STEP_KINDS } from '../../../../libs/domain/case/step-kinds';
import {
  DEADLINE_WAIT_REASON_LABELS,
  MISSED_DEADLINE_REASON_LABELS,
  type DeadlineWaitReason,
  type MissedDeadlineReason,
} from '../../../../libs/domain/case/step-deadline';
import {
  INSTITUTION_TYPES,
  ORGANISATION_NAMES,
  ORGANISATIONS,
  UNIT_KINDS,
  type InstitutionType,
  type Organisation,
  type OrganisationUnit,
  type UnitKind,
} from '../../../../libs/domain/organisations/organisation-units';
import { OrganisationUnits } from './organisation-units.service';
import {
  ASSESSMENT_PARTIES,
  ASSESSMENT_PARTY_LABELS,
  HANDOVER_CONTINUATION_LABELS,
  HANDOVER_CONTINUATIONS,
  INTERRUPTION_BY,
  INTERRUPTION_BY_LABELS,
  MENTOR_CONTACT_FORM_LABELS,
  MENTOR_CONTACT_FORMS,
  PSYCHOLOGIST_COURSE_EVENT_LABELS,
  PSYCHOLOGIST_COURSE_EVENTS,
  PSYCHOLOGIST_COURSE_STATUS_LABELS,
  PSYCHOLOGIST_COURSE_STATUSES,
  READINESS_ITEMS,
  READINESS_LABELS,
  type AssessmentParty,
  type HandoverContinuation,
  type InterruptionBy,
  type MentorContactForm,
  type PsychologistCourseEvent,
  type PsychologistCourseStatus,
  type ReadinessItem,
} from '../../../../libs/domain/exit-course/exit-course.types';
import {
  MENTOR_ORGANISATION_LABELS,
  MENTOR_ORGANISATIONS,
  POLICE_COURSE_OUTCOME_LABELS,
  POLICE_COURSE_OUTCOMES,
  POLICE_PLAN_RUNNER_LABELS,
  POLICE_PLAN_RUNNERS,
  type MentorOrganisation,
  type PoliceCourseOutcome,
  type PolicePlanRunner,
} from '../../../../libs/domain/exit-course/police-phase.types';
import { DKS_TRIGGER_LABELS, DKS_TRIGGERS, type DksTrigger } from '../../../../libs/domain/youth/dks-case.types';
import {
  COMMITTEE_PARTIES,
  COMMITTEE_PARTY_LABELS,
  CONCERN_LETTER_DECISION_LABELS,
  CONCERN_LETTER_DECISIONS,
  CONCERN_LETTER_OUTCOME_LABELS,
  CONCERN_LETTER_OUTCOMES,
  CONCERN_LETTER_PROPOSER_LABELS,
  CONCERN_LETTER_PROPOSERS,
  DELIVERY_RESULT_LABELS,
  DELIVERY_RESULTS,
  type CommitteeParty,
  type ConcernLetterDecision,
  type ConcernLetterOutcome,
  type ConcernLetterProposer,
  type DeliveryResult,
  INITIATIVE_FOLLOW_UP_OUTCOME_LABELS,
  INITIATIVE_FOLLOW_UP_OUTCOMES,
  POLICE_SENDER_FUNCTION_LABELS,
  POLICE_SENDER_FUNCTIONS,
  type InitiativeFollowUpOutcome,
  type PoliceSenderFunction,
} from '../../../../libs/domain/youth/youth-vocabulary';
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_KINDS,
  INITIATIVE_OWNER_ORGANISATION_LABELS,
  PARTICIPANT_ROLE_LABELS,
  PARTICIPANT_ROLES,
  SUSPICION_LABELS,
  SUSPICIONS,
  type AgreementKind,
  type ParticipantRole,
  type Suspicion,
} from '../../../../libs/domain/youth/network-council.types';
import { Authenticated } from '../auth/auth.decorators';
import {
  ACCESS_REQUEST_CHANNEL_LABELS,
  ACCESS_REQUEST_CHANNELS,
  ACCESS_REQUEST_OUTCOME_LABELS,
  ACCESS_REQUEST_OUTCOMES,
  WITHHOLDING_GROUND_LABELS,
  WITHHOLDING_GROUNDS,
  type AccessRequestChannel,
  type AccessRequestOutcome,
  type WithholdingGround,
} from '../../../../libs/domain/access-request/access-request.types';

/** The case levels as the API's choices name them ('1', '2', '3'). */
const CASE_LEVEL_CODES = CASE_LEVELS.map((level) => `${level}` as const);

class OrganisationView {
  @ChoiceView(ORGANISATIONS) code!: Organisation;
  @TextView() name!: string;
}

class RoleView {
  @ChoiceView(ROLES) code!: Role;
  @TextView() label!: string;
  @ChoiceListView(ORGANISATIONS, { description: 'De organisationer, rollen findes i.' }) organisations!: Organisation[];
}

export class UnitView {
  @TextView() code!: string;
  @TextView() name!: string;
  @ChoiceView(ORGANISATIONS) organisation!: Organisation;
  @ChoiceView(UNIT_KINDS) kind!: UnitKind;
  @ChoiceView(INSTITUTION_TYPES, {
    nullable: true,
    description:
      'Hvilken slags enhed i Kriminalforsorgen (fængsel, arresthus, KiF); null for politikredse og kommuner.',
  })
  institutionType!: InstitutionType | null;
  @MomentView({
    nullable: true,
    description: 'Lukket: enheden vises stadig ved navn, men kan ikke vælges til nye sager.',
  })
  closedAt!: string | null;
}

class CaseStatusView {
  @TextView() code!: string;
  @TextView({ description: 'Status på dansk, som en sætning siger den.' }) text!: string;
  @BooleanView({ description: 'Status afslutter sagen.' }) final!: boolean;
}

class CaseTypeView {
  @ChoiceView(CASE_TYPES) code!: CaseType;
  @TextView() label!: string;
  @TextView({ description: 'API-ressourcen: /api/<resource>/<id>.' }) resource!: string;
  @NestedView([CaseStatusView], { description: 'Sagstypens statusser i tabellens rækkefølge.' })
  statuses!: CaseStatusView[];
}

class StepKindView {
  @ChoiceView(STEP_KIND_NAMES) kind!: string;
  @TextView() label!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @ChoiceView(ROLES) responsibleRole!: Role;
  @TextView() responsibleRoleLabel!: string;
  @NumberView({ description: 'Timer før fristen, hvor trinnet bliver «snart forfaldent».' }) warningHours!: number;
}

/** One value of a list and its Danish name. */
interface Choice<Value extends string> {
  value: Value;
  label: string;
}

/** The view of one list's choices (`ReadinessItemChoice`): its values as an enum, each with its name. */
function ChoiceOf<Value extends string>(name: string, values: readonly Value[]) {
  class NamedChoice implements Choice<Value> {
    @ChoiceView(values) value!: Value;
    @TextView({ description: 'Navnet på dansk, som det står inde i en sætning.' }) label!: string;
  }
  Object.defineProperty(NamedChoice, 'name', { value: name });
  return NamedChoice;
}

const DEADLINE_WAIT_REASONS = Object.keys(DEADLINE_WAIT_REASON_LABELS) as DeadlineWaitReason[];
const MISSED_DEADLINE_REASONS = Object.keys(MISSED_DEADLINE_REASON_LABELS) as MissedDeadlineReason[];

/** The values of the cases' choice fields and history details, in the API's order, with their Danish names. */
class ChoicesView {
  @NestedView([ChoiceOf('ReadinessItemChoice', READINESS_ITEMS)], {
    description: 'Tjeklisten for løsladelse (`item`, `missing`, `notReady`).',
  })
  readinessItems!: Choice<ReadinessItem>[];
  @NestedView([ChoiceOf('AssessmentPartyChoice', ASSESSMENT_PARTIES)], {
    description: 'Parterne i den fælles vurdering (`party`).',
  })
  assessmentParties!: Choice<AssessmentParty>[];
  @NestedView([ChoiceOf('InterruptionByChoice', INTERRUPTION_BY)], {
    description: 'Hvem der afbryder et exit-forløb (`by`).',
  })
  interruptionBy!: Choice<InterruptionBy>[];
  @NestedView([ChoiceOf('HandoverContinuationChoice', HANDOVER_CONTINUATIONS)], {
    description: 'Det videre forløb efter en overtaget overdragelse (`continuation`).',
  })
  handoverContinuations!: Choice<HandoverContinuation>[];
  @NestedView([ChoiceOf('ReadinessOwnerChoice', READINESS_OWNERS)], {
    description: 'Hvem der sørger for et punkt på tjeklisten efter løsladelsen (overdragelsesrapportens `owner`).',
  })
  readinessOwners!: Choice<ReadinessOwner>[];
  @NestedView([ChoiceOf('PlanStatusChoice', PLAN_STATUSES)], {
    description: 'Planens status i overdragelsesrapporten (`planStatus`).',
  })
  planStatuses!: Choice<PlanStatus>[];
  @NestedView([ChoiceOf('HandoverViewPartyChoice', HANDOVER_VIEW_PARTIES)], {
    description: 'Parterne, der giver udtalelse til exitenhedens afgørelse (`party`).',
  })
  handoverViewParties!: Choice<HandoverViewParty>[];
  @NestedView([ChoiceOf('HandoverRecommendationChoice', HANDOVER_RECOMMENDATIONS)], {
    description: 'Anbefalingen i en udtalelse til exitenhedens afgørelse (`recommendation`).',
  })
  handoverRecommendations!: Choice<HandoverRecommendation>[];
  @NestedView([ChoiceOf('MentorContactFormChoice', MENTOR_CONTACT_FORMS)], {
    description: 'Formen af en mentorkontakt (`form`).',
  })
  mentorContactForms!: Choice<MentorContactForm>[];
  @NestedView([ChoiceOf('PoliceCourseOutcomeChoice', POLICE_COURSE_OUTCOMES)], {
    description: 'Udfaldet af et forløb hos politiets exitenhed (`outcome`).',
  })
  policeCourseOutcomes!: Choice<PoliceCourseOutcome>[];
  @NestedView([ChoiceOf('PolicePlanRunnerChoice', POLICE_PLAN_RUNNERS)], {
    description: 'Hvem der kører det videreførte forløb (`runBy`).',
  })
  policePlanRunners!: Choice<PolicePlanRunner>[];
  @NestedView([ChoiceOf('MentorOrganisationChoice', MENTOR_ORGANISATIONS)], {
    description: 'Hvis mentor en kontakt var (`organisation`).',
  })
  mentorOrganisations!: Choice<MentorOrganisation>[];
  @NestedView([ChoiceOf('PsychologistCourseEventChoice', PSYCHOLOGIST_COURSE_EVENTS)], {
    description: 'Hændelser i psykologforløbet (`event`).',
  })
  psychologistCourseEvents!: Choice<PsychologistCourseEvent>[];
  @NestedView([ChoiceOf('PsychologistCourseStatusChoice', PSYCHOLOGIST_COURSE_STATUSES)], {
    description: 'Psykologforløbets tilstand (`psychologistCourse`).',
  })
  psychologistCourseStatuses!: Choice<PsychologistCourseStatus>[];
  @NestedView([ChoiceOf('DksTriggerChoice', DKS_TRIGGERS)], { description: 'Anledningen til en DKS-sag (`trigger`).' })
  dksTriggers!: Choice<DksTrigger>[];
  @NestedView([ChoiceOf('SuspicionChoice', SUSPICIONS)], {
    description: 'Mistanken bag et netværkssamråd (`suspicion`).',
  })
  suspicions!: Choice<Suspicion>[];
  @NestedView([ChoiceOf('ParticipantRoleChoice', PARTICIPANT_ROLES)], {
    description: 'Deltagerne i et netværkssamråd (`participants`).',
  })
  participantRoles!: Choice<ParticipantRole>[];
  @NestedView([ChoiceOf('AgreementKindChoice', AGREEMENT_KINDS)], {
    description: 'Aftaletyperne i et netværkssamråd (`kind`).',
  })
  agreementKinds!: Choice<AgreementKind>[];
  @NestedView([ChoiceOf('NoteKindChoice', NOTE_KINDS)], { description: 'Arten af et notat i sagens journal (`kind`).' })
  noteKinds!: Choice<NoteKind>[];
  @NestedView([ChoiceOf('DocumentTypeChoice', DOCUMENT_TYPES)], {
    description: 'Typen af et dokument på sagen (`type`).',
  })
  documentTypes!: Choice<DocumentType>[];
  @NestedView([ChoiceOf('DeadlineWaitReasonChoice', DEADLINE_WAIT_REASONS)], {
    description: 'Hvorfor en frist er sat i bero eller forlænget (`reason`, `waitReason`): »afventer …«.',
  })
  deadlineWaitReasons!: Choice<DeadlineWaitReason>[];
  @NestedView([ChoiceOf('MissedDeadlineReasonChoice', MISSED_DEADLINE_REASONS)], {
    description: 'Hvorfor en frist fastsat ved lov blev overskredet (`reason`, `missedReason`).',
  })
  missedDeadlineReasons!: Choice<MissedDeadlineReason>[];
  @NestedView([ChoiceOf('ReferralSourceChoice', REFERRAL_SOURCES)], {
    description: 'Hvem et forløb er henvist af (`referralSource`); uden for fængslet alle andre end Kriminalforsorgen.',
  })
  referralSources!: Choice<ReferralSource>[];
  @NestedView([ChoiceOf('DksCaseOutcomeChoice', DKS_CASE_OUTCOMES)], {
    description: 'Hvordan en DKS-sag afsluttes uden hjemmebesøg (`outcome`).',
  })
  dksCaseOutcomes!: Choice<DksCaseOutcome>[];
  @NestedView([ChoiceOf('ConcernLetterProposerChoice', CONCERN_LETTER_PROPOSERS)], {
    description: 'Hvem der indstiller en kandidat til bekymringsbrev (`proposedBy`).',
  })
  concernLetterProposers!: Choice<ConcernLetterProposer>[];
  @NestedView([ChoiceOf('CommitteePartyChoice', COMMITTEE_PARTIES)], {
    description: 'Koordinationsudvalgets parter (`participants`).',
  })
  committeeParties!: Choice<CommitteeParty>[];
  @NestedView([ChoiceOf('ConcernLetterDecisionChoice', CONCERN_LETTER_DECISIONS)], {
    description: 'Udvalgets beslutning om en kandidat (`decision`).',
  })
  concernLetterDecisions!: Choice<ConcernLetterDecision>[];
  @NestedView([ChoiceOf('DeliveryResultChoice', DELIVERY_RESULTS)], {
    description: 'Resultatet af et forsøg på at aflevere bekymringsbrevet (`result`).',
  })
  deliveryResults!: Choice<DeliveryResult>[];
  @NestedView([ChoiceOf('ConcernLetterOutcomeChoice', CONCERN_LETTER_OUTCOMES)], {
    description: 'Udfaldet af et bekymringsbrev (`outcome`).',
  })
  concernLetterOutcomes!: Choice<ConcernLetterOutcome>[];
  @NestedView([ChoiceOf('CaseLevelChoice', CASE_LEVEL_CODES)], {
    description: 'En ungesags niveau (enkeltsagskoncept, `level`, `caseLevel`): 1, 2 eller 3.',
  })
  caseLevels!: Choice<`${CaseLevel}`>[];
  @NestedView([ChoiceOf('InitiativeFollowUpOutcomeChoice', INITIATIVE_FOLLOW_UP_OUTCOMES)], {
    description: 'Resultatet af opfølgningen på et initiativ i netværkssamrådets handleplan (`outcome`).',
  })
  initiativeFollowUpOutcomes!: Choice<InitiativeFollowUpOutcome>[];
  @NestedView([ChoiceOf('InitiativeOwnerOrganisationChoice', ORGANISATIONS)], {
    description: 'Hvilken myndighed der ejer et initiativ (`ownerOrganisation`).',
  })
  initiativeOwnerOrganisations!: Choice<Organisation>[];
  @NestedView([ChoiceOf('PoliceSenderFunctionChoice', POLICE_SENDER_FUNCTIONS)], {
    description: 'Hvem hos politiet der sendte dokumentationen (`senderFunction`).',
  })
  policeSenderFunctions!: Choice<PoliceSenderFunction>[];
  @NestedView([ChoiceOf('ProtectionReasonChoice', PROTECTION_REASONS)], {
    description: 'Hvorfor udvidet adressebeskyttelse sættes eller ophæves (`reason`).',
  })
  protectionReasons!: Choice<ProtectionReason>[];
  @NestedView([ChoiceOf('RevealReasonChoice', REVEAL_REASONS)], {
    description: 'Hvorfor en beskyttet persons navn og CPR-nummer skal vises (`reason`).',
  })
  revealReasons!: Choice<RevealReason>[];
  @NestedView([ChoiceOf('AccessRequestChannelChoice', ACCESS_REQUEST_CHANNELS)], {
    description: 'Hvordan en anmodning om indsigt kom ind (`channel`).',
  })
  accessRequestChannels!: Choice<AccessRequestChannel>[];
  @NestedView([ChoiceOf('AccessRequestOutcomeChoice', ACCESS_REQUEST_OUTCOMES)], {
    description: 'Svaret på en anmodning om indsigt (`outcome`).',
  })
  accessRequestOutcomes!: Choice<AccessRequestOutcome>[];
  @NestedView([ChoiceOf('WithholdingGroundChoice', WITHHOLDING_GROUNDS)], {
    description: 'Den retlige grund til at undtage oplysninger fra indsigt (`withholdingGround`).',
  })
  withholdingGrounds!: Choice<WithholdingGround>[];
}

class EndingReasonChoice {
  @ChoiceView(ALL_ENDING_REASON_CODES) value!: string;
  @TextView({ description: 'Navnet på dansk, som det står inde i en sætning.' }) label!: string;
}

/** One ending (libs/domain/case/ending-reasons.ts) and the reason codes a decision taking it chooses from. */
class EndingView {
  @ChoiceView(ENDING_NAMES) ending!: EndingName;
  @TextView() label!: string;
  @ChoiceView(CASE_TYPES) caseType!: CaseType;
  @TextView({ description: 'Beslutningen, der træffer den (`POST /api/<ressource>/:id/<beslutning>`).' })
  decision!: string;
  @NestedView([EndingReasonChoice], {
    description: 'Årsagerne (`reasonCode`); ved `other` skal begrundelsen udfyldes.',
  })
  reasons!: EndingReasonChoice[];
}

/** The names behind the API's codes: what a client shows in filters, forms and histories. */
export class ReferenceData {
  @NestedView([OrganisationView]) organisations!: OrganisationView[];
  @NestedView([UnitView], { description: 'Alle enheder fra databasen, også lukkede (closedAt).' })
  units!: OrganisationUnit[];
  @NestedView([RoleView], { description: 'Rollerne med dansk navn og de organisationer, de findes i.' })
  roles!: RoleView[];
  @NestedView([CaseTypeView]) caseTypes!: CaseTypeView[];
  @NestedView([StepKindView]) stepKinds!: StepKindView[];
  @NestedView(ChoicesView) choices!: ChoicesView;
  @NestedView([EndingView], {
    description: 'Afslutningerne (og den afviste overdragelse) med deres årsager (`reasonCode`) og navne.',
  })
  endings!: EndingView[];
}

/** A list's values in order, each named by the domain's table beside the list. */
const choicesOf = <Value extends string>(values: readonly Value[], labels: Record<Value, string>): Choice<Value>[] =>
  values.map((value) => ({ value, label: labels[value] }));

const REFERENCE_DATA: Omit<ReferenceData, 'units'> = {
  organisations: ORGANISATIONS.map((code) => ({ code, name: ORGANISATION_NAMES[code] })),
  roles: ROLES.map((code) => ({ code, label: ROLE_LABELS[code], organisations: [...ROLE_ORGANISATIONS[code]] })),
  caseTypes: CASE_TYPES.map((code) => ({
    code,
    label: CASE_TYPE_LABELS[code],
    resource: CASE_RESOURCES[code],
    statuses: CASE_TYPE_STATUSES[code].codes.map((status) => ({
      code: status,
      text: CASE_TYPE_STATUSES[code].text(status),
      final: CASE_TYPE_STATUSES[code].isFinal(status),
    })),
  })),
  stepKinds: STEP_KIND_NAMES.map((kind) => ({
    kind,
    label: STEP_KINDS[kind].label,
    caseType: STEP_KINDS[kind].caseType,
    responsibleRole: STEP_KINDS[kind].responsibleRole,
    responsibleRoleLabel: ROLE_LABELS[STEP_KINDS[kind].responsibleRole],
    warningHours: STEP_KINDS[kind].warningHours,
  })),
  choices: {
    readinessItems: choicesOf(READINESS_ITEMS, READINESS_LABELS),
    assessmentParties: choicesOf(ASSESSMENT_PARTIES, ASSESSMENT_PARTY_LABELS),
    interruptionBy: choicesOf(INTERRUPTION_BY, INTERRUPTION_BY_LABELS),
    handoverContinuations: choicesOf(HANDOVER_CONTINUATIONS, HANDOVER_CONTINUATION_LABELS),
    readinessOwners: choicesOf(READINESS_OWNERS, READINESS_OWNER_LABELS),
    planStatuses: choicesOf(PLAN_STATUSES, PLAN_STATUS_LABELS),
    handoverViewParties: choicesOf(HANDOVER_VIEW_PARTIES, HANDOVER_VIEW_PARTY_LABELS),
    handoverRecommendations: choicesOf(HANDOVER_RECOMMENDATIONS, HANDOVER_RECOMMENDATION_LABELS),
    mentorContactForms: choicesOf(MENTOR_CONTACT_FORMS, MENTOR_CONTACT_FORM_LABELS),
    policeCourseOutcomes: choicesOf(POLICE_COURSE_OUTCOMES, POLICE_COURSE_OUTCOME_LABELS),
    policePlanRunners: choicesOf(POLICE_PLAN_RUNNERS, POLICE_PLAN_RUNNER_LABELS),
    mentorOrganisations: choicesOf(MENTOR_ORGANISATIONS, MENTOR_ORGANISATION_LABELS),
    psychologistCourseEvents: choicesOf(PSYCHOLOGIST_COURSE_EVENTS, PSYCHOLOGIST_COURSE_EVENT_LABELS),
    psychologistCourseStatuses: choicesOf(PSYCHOLOGIST_COURSE_STATUSES, PSYCHOLOGIST_COURSE_STATUS_LABELS),
    dksTriggers: choicesOf(DKS_TRIGGERS, DKS_TRIGGER_LABELS),
    suspicions: choicesOf(SUSPICIONS, SUSPICION_LABELS),
    participantRoles: choicesOf(PARTICIPANT_ROLES, PARTICIPANT_ROLE_LABELS),
    agreementKinds: choicesOf(AGREEMENT_KINDS, AGREEMENT_KIND_LABELS),
    noteKinds: choicesOf(NOTE_KINDS, NOTE_KIND_LABELS),
    documentTypes: choicesOf(DOCUMENT_TYPES, DOCUMENT_TYPE_LABELS),
    deadlineWaitReasons: choicesOf(DEADLINE_WAIT_REASONS, DEADLINE_WAIT_REASON_LABELS),
    missedDeadlineReasons: choicesOf(MISSED_DEADLINE_REASONS, MISSED_DEADLINE_REASON_LABELS),
    referralSources: choicesOf(REFERRAL_SOURCES, REFERRAL_SOURCE_LABELS),
    dksCaseOutcomes: choicesOf(DKS_CASE_OUTCOMES, DKS_CASE_OUTCOME_LABELS),
    concernLetterProposers: choicesOf(CONCERN_LETTER_PROPOSERS, CONCERN_LETTER_PROPOSER_LABELS),
    committeeParties: choicesOf(COMMITTEE_PARTIES, COMMITTEE_PARTY_LABELS),
    concernLetterDecisions: choicesOf(CONCERN_LETTER_DECISIONS, CONCERN_LETTER_DECISION_LABELS),
    deliveryResults: choicesOf(DELIVERY_RESULTS, DELIVERY_RESULT_LABELS),
    concernLetterOutcomes: choicesOf(CONCERN_LETTER_OUTCOMES, CONCERN_LETTER_OUTCOME_LABELS),
    caseLevels: choicesOf(CASE_LEVEL_CODES, CASE_LEVEL_LABELS),
    initiativeFollowUpOutcomes: choicesOf(INITIATIVE_FOLLOW_UP_OUTCOMES, INITIATIVE_FOLLOW_UP_OUTCOME_LABELS),
    initiativeOwnerOrganisations: choicesOf(
      Object.keys(INITIATIVE_OWNER_ORGANISATION_LABELS) as Organisation[],
      INITIATIVE_OWNER_ORGANISATION_LABELS,
    ),
    policeSenderFunctions: choicesOf(POLICE_SENDER_FUNCTIONS, POLICE_SENDER_FUNCTION_LABELS),
    protectionReasons: choicesOf(PROTECTION_REASONS, PROTECTION_REASON_LABELS),
    revealReasons: choicesOf(REVEAL_REASONS, REVEAL_REASON_LABELS),
    accessRequestChannels: choicesOf(ACCESS_REQUEST_CHANNELS, ACCESS_REQUEST_CHANNEL_LABELS),
    accessRequestOutcomes: choicesOf(ACCESS_REQUEST_OUTCOMES, ACCESS_REQUEST_OUTCOME_LABELS),
    withholdingGrounds: choicesOf(WITHHOLDING_GROUNDS, WITHHOLDING_GROUND_LABELS),
  },
  endings: ENDING_NAMES.map((ending) => ({
    ending,
    label: ENDINGS[ending].label,
    caseType: ENDINGS[ending].caseType,
    decision: ENDINGS[ending].decision,
    reasons: Object.entries(ENDINGS[ending].reasons).map(([value, label]) => ({ value, label })),
  })),
};

@ApiTags('Opslag')
@ApiBearerAuth()
@Controller('reference-data')
export class ReferenceDataController {
  constructor(private readonly units: OrganisationUnits) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'Organisationer, enheder, sagstyper, trin (navn, hvis tur, varslingsvindue) og sagernes valg med navne (ingen sagsdata).',
  })
  @ApiOkResponse({ type: ReferenceData })
  @ApiErrorResponses(401)
  async referenceData(): Promise<ReferenceData> {
    const { organisations, ...rest } = REFERENCE_DATA;
    return { organisations, units: await this.units.all(), ...rest };
  }
}
