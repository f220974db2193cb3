import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt } from 'class-validator';
import { MAX_MENTOR_CONTACT_MINUTES } from '../../../../../libs/domain/exit-course/exit-course.rules';
import {
  ASSESSMENT_PARTIES,
  MENTOR_CONTACT_FORMS,
  PSYCHOLOGIST_COURSE_EVENTS,
} from '../../../../../libs/domain/exit-course/exit-course.types';
import { MomentOrNow } from '../../common/dto-fields';
import { ChoiceField, InstantField, ReferenceField, TextField } from '../../common/field-decorators';

export class AssessmentInputDto {
  @ChoiceField('party', ASSESSMENT_PARTIES, {
    description: 'Hvis udtalelse: Kriminalforsorgen, politiet eller kommunen.',
    required: true,
    message: "party skal være 'kriminalforsorgen', 'police' eller 'municipality'.",
  })
  party!: (typeof ASSESSMENT_PARTIES)[number];

  @TextField('summary', { description: 'Udtalelsen i kort form.', required: true })
  summary!: string;

  @MomentOrNow('recordedAt', 'Tidspunkt for udtalelsen (standard: nu).')
  recordedAt?: string;
}

export class AgreementSignedDto {
  @MomentOrNow('signedAt', 'Tidspunkt for underskriften (standard: nu).')
  signedAt?: string;
}

export class MentorAssignmentDto {
  @ReferenceField('mentorRef', {
    description: 'Mentorens reference (aldrig navn).',
    example: 'MENTOR-0042',
    required: true,
  })
  mentorRef!: string;

  @MomentOrNow('assignedAt', 'Tidspunkt for tildelingen (standard: nu).')
  assignedAt?: string;
}

export class MentorContactDto {
  @InstantField('contactAt', {
    description: 'Hvornår kontakten fandt sted.',
    example: '2026-11-20T14:00:00+01:00',
    required: true,
  })
  contactAt!: string;

  @ChoiceField('form', MENTOR_CONTACT_FORMS, {
    description: 'meeting: møde; phone: telefon.',
    required: true,
    message: "form skal være 'meeting' eller 'phone'.",
  })
  form!: (typeof MENTOR_CONTACT_FORMS)[number];

  // The range is the domain rule's (422 outside it).
  @applyDecorators(
    ApiProperty({
      type: 'integer',
      minimum: 1,
      maximum: MAX_MENTOR_CONTACT_MINUTES,
      description: 'Varighed i minutter.',
      example: 60,
    }),
    IsDefined({ message: 'durationMinutes skal udfyldes.' }),
    IsInt({ message: 'durationMinutes skal være et helt antal minutter.' }),
  )
  durationMinutes!: number;
}

export class PsychologistCourseDto {
  @ChoiceField('event', PSYCHOLOGIST_COURSE_EVENTS, {
    description: 'started: psykologforløb startet; ended: afsluttet.',
    required: true,
    message: "event skal være 'started' eller 'ended'.",
  })
  event!: (typeof PSYCHOLOGIST_COURSE_EVENTS)[number];

  @MomentOrNow('at', 'Tidspunkt (standard: nu).')
  at?: string;
}
