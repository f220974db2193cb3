import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/is-instant.decorator';

export const INTERRUPTION_BY = ['inmate', 'kriminalforsorgen'] as const;

export class InterruptionDto {
  @ApiProperty({ enum: INTERRUPTION_BY, description: 'Hvem der afbryder: den indsatte eller Kriminalforsorgen.' })
  @IsIn(INTERRUPTION_BY, { message: "by skal være 'inmate' eller 'kriminalforsorgen'." })
  @IsDefined({ message: 'by skal udfyldes.' })
  by!: (typeof INTERRUPTION_BY)[number];

  @ApiProperty({ description: 'Begrundelse for afbrydelsen.' })
  @MaxLength(2000, { message: 'reason må højst være 2000 tegn.' })
  @IsString({ message: 'reason skal være tekst.' })
  @IsNotEmpty({ message: 'En afbrydelse skal have en begrundelse (reason).' })
  reason!: string;

  @ApiPropertyOptional({ description: 'Tidspunkt for afbrydelsen (ISO 8601). Standard: nu.' })
  @IsOptional()
  @IsInstant({ message: 'interruptedAt skal være et tidspunkt med tidszone, fx 2026-11-24T09:00:00+01:00.' })
  interruptedAt?: string;
}
