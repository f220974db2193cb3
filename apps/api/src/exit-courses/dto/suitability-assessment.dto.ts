import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { IsInstant } from '../../common/is-instant.decorator';

export const ASSESSMENT_OUTCOMES = ['offer', 'rejection'] as const;

@ValidatorConstraint({ name: 'reasonOnlyWithRejection' })
class ReasonOnlyWithRejection implements ValidatorConstraintInterface {
  validate(_reason: unknown, args: ValidationArguments): boolean {
    return (args.object as SuitabilityAssessmentDto).outcome !== 'offer';
  }

  defaultMessage(): string {
    return 'Et tilbud har ingen begrundelse: send ikke reason.';
  }
}

export class SuitabilityAssessmentDto {
  @ApiProperty({ enum: ASSESSMENT_OUTCOMES, description: 'offer: tilbud om exit-aftale; rejection: afslag.' })
  @IsIn(ASSESSMENT_OUTCOMES, { message: "outcome skal være 'offer' eller 'rejection'." })
  @IsDefined({ message: 'outcome skal udfyldes.' })
  outcome!: (typeof ASSESSMENT_OUTCOMES)[number];

  @ApiPropertyOptional({
    description: 'Tidspunkt for vurderingen (for et tilbud: tilbuddets dato), ISO 8601. Standard: nu.',
    example: '2026-11-24T10:00:00+01:00',
  })
  @IsOptional()
  @IsInstant({ message: 'decidedAt skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.' })
  decidedAt?: string;

  @ApiPropertyOptional({ description: 'Begrundelse; skal udfyldes ved afslag og må ikke sendes ved tilbud.' })
  // Checked bottom-up, first problem only: an offer with a reason, then a missing or empty reason.
  @ValidateIf((dto: SuitabilityAssessmentDto) => dto.outcome === 'rejection' || dto.reason !== undefined)
  @MaxLength(2000, { message: 'reason må højst være 2000 tegn.' })
  @IsString({ message: 'reason skal være tekst.' })
  @IsNotEmpty({ message: 'Et afslag skal have en begrundelse (reason).' })
  @Validate(ReasonOnlyWithRejection)
  reason?: string;

}
