import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  ASSESSMENT_PARTIES,
  MENTOR_CONTACT_FORMS,
  PSYCHOLOGIST_COURSE_EVENTS,
} from '../../../../../libs/domain/exit-course/exit-course.types';
import { IsInstant } from '../../common/is-instant.decorator';

const INSTANT_MESSAGE = (field: string) => `${field} skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.`;

export class AssessmentInputDto {
  @ApiProperty({ enum: ASSESSMENT_PARTIES, description: 'Hvis udtalelse: Kriminalforsorgen, politiet eller kommunen.' })
  @IsIn(ASSESSMENT_PARTIES, { message: "party skal være 'kriminalforsorgen', 'police' eller 'municipality'." })
  @IsDefined({ message: 'party skal udfyldes.' })
  party!: (typeof ASSESSMENT_PARTIES)[number];

  @ApiProperty({ description: 'Udtalelsen i kort form.' })
  @MaxLength(2000, { message: 'summary må højst være 2000 tegn.' })
  @IsString({ message: 'summary skal være tekst.' })
  @IsNotEmpty({ message: 'summary skal udfyldes.' })
  summary!: string;

  @ApiPropertyOptional({ description: 'Tidspunkt for udtalelsen (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT_MESSAGE('recordedAt') })
  recordedAt?: string;
}

export class AgreementSignedDto {
  @ApiPropertyOptional({ description: 'Tidspunkt for underskriften (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT_MESSAGE('signedAt') })
  signedAt?: string;
}

export class MentorAssignmentDto {
  @ApiProperty({ description: 'Mentorens reference (aldrig navn).', example: 'MENTOR-0042' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{2,63}$/, { message: 'mentorRef skal være 3-64 tegn: bogstaver (A-Z), tal og bindestreg.' })
  @IsString({ message: 'mentorRef skal være tekst.' })
  @IsDefined({ message: 'mentorRef skal udfyldes.' })
  mentorRef!: string;

  @ApiPropertyOptional({ description: 'Tidspunkt for tildelingen (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT_MESSAGE('assignedAt') })
  assignedAt?: string;
}

export class MentorContactDto {
  @ApiProperty({ description: 'Hvornår kontakten fandt sted.', example: '2026-11-20T14:00:00+01:00' })
  @IsInstant({ message: INSTANT_MESSAGE('contactAt') })
  @IsDefined({ message: 'contactAt skal udfyldes.' })
  contactAt!: string;

  @ApiProperty({ enum: MENTOR_CONTACT_FORMS, description: 'meeting: møde; phone: telefon.' })
  @IsIn(MENTOR_CONTACT_FORMS, { message: "form skal være 'meeting' eller 'phone'." })
  @IsDefined({ message: 'form skal udfyldes.' })
  form!: (typeof MENTOR_CONTACT_FORMS)[number];

  @ApiProperty({ description: 'Varighed i minutter (1-600).', example: 60 })
  @IsInt({ message: 'durationMinutes skal være et helt antal minutter.' })
  @IsDefined({ message: 'durationMinutes skal udfyldes.' })
  durationMinutes!: number;
}

export class PsychologistCourseDto {
  @ApiProperty({ enum: PSYCHOLOGIST_COURSE_EVENTS, description: 'started: psykologforløb startet; ended: afsluttet.' })
  @IsIn(PSYCHOLOGIST_COURSE_EVENTS, { message: "event skal være 'started' eller 'ended'." })
  @IsDefined({ message: 'event skal udfyldes.' })
  event!: (typeof PSYCHOLOGIST_COURSE_EVENTS)[number];

  @ApiPropertyOptional({ description: 'Tidspunkt (standard: nu).' })
  @IsOptional()
  @IsInstant({ message: INSTANT_MESSAGE('at') })
  at?: string;
}
