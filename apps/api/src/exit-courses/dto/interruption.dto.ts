import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'interruptedAt skal være et tidspunkt (ISO 8601).' })
  interruptedAt?: string;
}
