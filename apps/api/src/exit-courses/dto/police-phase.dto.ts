import { MomentOrNow, Reason, ReasonCode, UnitCode, needsReasonNote } from '../../common/dto-fields';
import { BooleanField, ChoiceField, TextField } from '../../common/field-decorators';
import {
  POLICE_COURSE_OUTCOME_LABELS,
  POLICE_PLAN_RUNNER_LABELS,
  type PoliceCourseOutcome,
  type PolicePlanRunner,
} from '../../../../../libs/domain/exit-course/police-phase.types';

export class PolicePlanDto {
  @TextField('summary', {
    label: 'Planen',
    description: 'Planen for det videreførte forløb i kort form: mål, aftaler og hvem der gør hvad.',
    required: true,
  })
  summary!: string;

  @ChoiceField('runBy', POLICE_PLAN_RUNNER_LABELS, {
    label: 'Hvem der kører forløbet',
    description:
      'police_with_municipality: politiets exitenhed med kommunen; municipal_exit_programme: kommunens eget exitprogram.',
    required: true,
  })
  runBy!: PolicePlanRunner;

  @MomentOrNow('recordedAt', 'Tidspunktet for planen', 'Tidspunkt for planen (standard: nu).')
  recordedAt?: string;
}

export class PoliceReviewDto {
  @TextField('summary', {
    label: 'Opfølgningen',
    description: 'Hvordan forløbet går: hvad er nået, hvad er aftalt til næste opfølgning.',
    required: true,
  })
  summary!: string;

  @MomentOrNow('reviewedAt', 'Tidspunktet for opfølgningen', 'Tidspunkt for opfølgningen (standard: nu).')
  reviewedAt?: string;
}

export class PoliceCourseEndDto {
  @ChoiceField('outcome', POLICE_COURSE_OUTCOME_LABELS, {
    label: 'Udfaldet',
    description:
      'Hvordan forløbet slutter; moved: personen er flyttet, og forløbet overdrages til den nye politikreds.',
    required: true,
  })
  outcome!: PoliceCourseOutcome;

  @UnitCode('police_district', 'toPoliceDistrictCode', {
    label: 'Den nye politikreds',
    description: 'Ved flytning: den politikreds, personen er flyttet til, hvis exitenhed overtager forløbet.',
    example: 'POL-NORDJYLLAND',
    required: 'Ved flytning skal den nye politikreds udfyldes.',
    requiredWhen: (dto: PoliceCourseEndDto) => dto.outcome === 'moved',
  })
  toPoliceDistrictCode?: string;

  @ReasonCode(['police_course_end'], 'Hvorfor forløbet slutter.')
  reasonCode?: string;

  @Reason<PoliceCourseEndDto>('Begrundelse for afslutningen; skal udfyldes, når årsagen er andet eller udeladt.', {
    requiredOf: 'En afslutning',
    when: (dto) => needsReasonNote(dto.reasonCode),
  })
  reason?: string;

  @MomentOrNow('endedAt', 'Tidspunktet for afslutningen', 'Tidspunkt for afslutningen (standard: nu).')
  endedAt?: string;
}

export class ReoffendingCheckDto {
  @BooleanField('reoffended', {
    label: 'Ny kriminalitet',
    description: 'Om personen har begået ny kriminalitet i perioden efter forløbets afslutning.',
    required: true,
  })
  reoffended!: boolean;

  @TextField('note', { label: 'Bemærkningen', description: 'Valgfri bemærkning til kontrollen.' })
  note?: string;

  @MomentOrNow('checkedAt', 'Tidspunktet for kontrollen', 'Tidspunkt for kontrollen (standard: nu).')
  checkedAt?: string;
}
