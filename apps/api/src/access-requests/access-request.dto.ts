import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsString, Max, MaxLength, Min, registerDecorator } from 'class-validator';
import {
  ACCESS_REQUEST_CHANNEL_LABELS,
  ACCESS_REQUEST_OUTCOME_LABELS,
  MAX_EXTENSION_MONTHS,
  WITHHOLDING_GROUND_LABELS,
  type AccessRequestChannel,
  type AccessRequestOutcome,
  type WithholdingGround,
} from '../../../../libs/domain/access-request/access-request.types';
import { checkCpr } from '../../../../libs/personal-data/cpr';
import { MomentOrNow, REASON_LABEL } from '../common/dto-fields';
import { ChoiceField, TextField } from '../common/field-decorators';

/** A CPR number that is one (format and birth date): otherwise 400 with the register's own Danish message. */
function ValidCpr(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'validCpr',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ value }) => {
          const check = typeof value === 'string' ? checkCpr(value) : undefined;
          return check && !check.ok ? check.message : 'CPR-nummeret er ugyldigt.';
        },
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && checkCpr(value).ok },
    });
}

/** `POST /api/access-requests`: a person's request for access, registered by the data-protection officer. */
export class StartAccessRequestDto {
  @ApiProperty({
    type: String,
    description: 'CPR-nummeret på den, der beder om indsigt, DDMMÅÅ-XXXX (i brødteksten, aldrig i adressen).',
    example: '010190-1234',
    maxLength: 20,
  })
  @IsDefined({ message: 'CPR-nummeret skal udfyldes.' })
  @IsString({ message: 'CPR-nummeret skal være tekst.' })
  @MaxLength(20, { message: 'CPR-nummeret må højst være 20 tegn.' })
  @ValidCpr()
  cpr!: string;

  @MomentOrNow(
    'receivedAt',
    'Tidspunktet for modtagelsen',
    'Hvornår anmodningen blev modtaget (standard: nu); fristen på en måned regnes herfra.',
  )
  receivedAt?: string;

  @ChoiceField('channel', ACCESS_REQUEST_CHANNEL_LABELS, {
    label: 'Kanalen',
    description: 'Hvordan anmodningen kom ind: letter, email, digital_post eller in_person.',
    required: true,
  })
  channel!: AccessRequestChannel;
}

export class AccessRequestDecisionDto {
  @ChoiceField('outcome', ACCESS_REQUEST_OUTCOME_LABELS, {
    label: 'Udfaldet',
    description:
      'answered: fuld indsigt; partly_withheld: delvis indsigt; withheld: afslag. Undtagelse kræver grund og begrundelse.',
    required: true,
  })
  outcome!: AccessRequestOutcome;

  @ChoiceField<AccessRequestDecisionDto, WithholdingGround>('withholdingGround', WITHHOLDING_GROUND_LABELS, {
    label: 'Den retlige grund',
    description:
      'Grunden til at undtage oplysninger (retshåndhævelseslovens § 16, stk. 1; databeskyttelseslovens § 22): kun ved partly_withheld og withheld, og da påkrævet.',
    required: 'Den retlige grund skal udfyldes, når oplysninger undtages.',
    requiredWhen: (dto) => dto.outcome === 'partly_withheld' || dto.outcome === 'withheld',
  })
  withholdingGround?: WithholdingGround;

  @TextField<AccessRequestDecisionDto>('reason', {
    label: REASON_LABEL,
    description: 'Begrundelsen for det, der undtages (påkrævet ved partly_withheld og withheld).',
    required: 'Begrundelsen skal udfyldes, når oplysninger undtages.',
    requiredWhen: (dto) => dto.outcome === 'partly_withheld' || dto.outcome === 'withheld',
  })
  reason?: string;

  @MomentOrNow('decidedAt', 'Tidspunktet for svaret', 'Hvornår svaret blev givet (standard: nu).')
  decidedAt?: string;
}

export class AccessRequestExtensionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: MAX_EXTENSION_MONTHS,
    description: 'Hvor mange måneder fristen forlænges med (1 eller 2), regnet fra den første måneds udløb.',
  })
  @IsDefined({ message: 'Antallet af måneder skal udfyldes.' })
  @IsInt({ message: 'Antallet af måneder skal være et helt tal.' })
  @Min(1, { message: 'Antallet af måneder skal være mindst 1.' })
  @Max(MAX_EXTENSION_MONTHS, { message: `Antallet af måneder må højst være ${MAX_EXTENSION_MONTHS}.` })
  months!: number;

  @TextField('reason', {
    label: REASON_LABEL,
    description: 'Hvorfor fristen forlænges (anmodningernes kompleksitet eller antal); den registrerede underrettes.',
    required: true,
  })
  reason!: string;

  @MomentOrNow('decidedAt', 'Tidspunktet for forlængelsen', 'Hvornår fristen blev forlænget (standard: nu).')
  decidedAt?: string;
}

export const EXPORT_FORMATS = ['json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, required: false, default: 'json', description: 'json eller pdf.' })
  @IsIn([...EXPORT_FORMATS], { message: 'Formatet skal være json eller pdf.' })
  format: ExportFormat = 'json';
}
