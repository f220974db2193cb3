import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt } from 'class-validator';
import { MAX_MENTOR_CONTACT_MINUTES } from '../../../../../libs/domain/exit-course/exit-course.rules';
import {
  ASSESSMENT_PARTY_LABELS,
  MENTOR_CONTACT_FORM_LABELS,
  PSYCHOLOGIST_COURSE_EVENT_LABELS,
  type AssessmentParty,
  type MentorContactForm,
  type PsychologistCourseEvent,
} from '../../../../../libs/domain/exit-course/exit-course.types';
import { MomentOrNow } from '../../common/dto-fields';
import { ChoiceField, InstantField, ReferenceField, TextField } from '../../common/field-decorators';

export class AssessmentInputDto {
  @ChoiceField('party', ASSESSMENT_PARTY_LABELS, {
    label: 'Parten',
    description: 'Hvis udtalelse: Kriminalforsorgen, politiet eller kommunen.',
    required: true,
  })
  party!: AssessmentParty;

  @TextField('summary', { label: 'Udtalelsen', description: 'Udtalelsen i kort form.', required: true })
  summary!: string;

  @MomentOrNow('recordedAt', 'Tidspunktet for udtalelsen', 'Tidspunkt for udtalelsen (standard: nu).')
  recordedAt?: string;
}

export class AgreementSignedDto {
  @MomentOrNow('signedAt', 'Tidspunktet for underskriften', 'Tidspunkt for underskriften (standard: nu).')
  signedAt?: string;
}

export class MentorAssignmentDto {
  @ReferenceField('mentorRef', {
    label: 'Mentorens reference',
    description: 'Mentorens reference (aldrig navn).',
    example: 'MENTOR-0042',
    required: true,
  })
  mentorRef!: string;

  @MomentOrNow('assignedAt', 'Tidspunktet for tildelingen', 'Tidspunkt for tildelingen (standard: nu).')
  assignedAt?: string;
}

export class MentorContactDto {
  @InstantField('contactAt', {
    label: 'Tidspunktet for kontakten',
    description: 'Hvornår kontakten fandt sted.',
    example: '2026-11-20T14:00:00+01:00',
    required: true,
  })
  contactAt!: string;

  @ChoiceField('form', MENTOR_CONTACT_FORM_LABELS, {
    label: 'Kontaktens form',
    description: 'meeting: møde; phone: telefon.',
    required: true,
  })
  form!: MentorContactForm;

  // The range is the domain rule's (422 outside it).
  @applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: 1,
      maximum: MAX_MENTOR_CONTACT_MINUTES,
      description: 'Varighed i minutter.',
      example: 60,
    }),
    IsDefined({ message: 'Varigheden skal udfyldes.' }),
    IsInt({ message: 'Varigheden skal være et helt antal minutter.' }),
  )
  durationMinutes!: number;
}

export class PsychologistCourseDto {
  @ChoiceField('event', PSYCHOLOGIST_COURSE_EVENT_LABELS, {
    label: 'Hændelsen',
    description: 'started: psykologforløb startet; ended: afsluttet.',
    required: true,
  })
  event!: PsychologistCourseEvent;

  @MomentOrNow('at', 'Tidspunktet', 'Tidspunkt (standard: nu).')
  at?: string;
}
