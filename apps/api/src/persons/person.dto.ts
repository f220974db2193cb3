import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RegisterPersonDto {
  @ApiProperty({ description: 'Fulde navn.', example: 'Jens Jensen' })
  @MaxLength(200, { message: 'name må højst være 200 tegn.' })
  @IsNotEmpty({ message: 'name skal udfyldes.' })
  @IsString({ message: 'name skal være tekst.' })
  @IsDefined({ message: 'name skal udfyldes.' })
  name!: string;

  @ApiProperty({ description: 'CPR-nummer, DDMMÅÅ-XXXX.', example: '010190-1234' })
  @MaxLength(20, { message: 'cpr må højst være 20 tegn.' })
  @IsString({ message: 'cpr skal være tekst.' })
  @IsDefined({ message: 'cpr skal udfyldes.' })
  cpr!: string;
}

export class LookupPersonDto {
  @ApiProperty({ description: 'CPR-nummer, DDMMÅÅ-XXXX (i brødteksten, aldrig i adressen).', example: '010190-1234' })
  @MaxLength(20, { message: 'cpr må højst være 20 tegn.' })
  @IsString({ message: 'cpr skal være tekst.' })
  @IsDefined({ message: 'cpr skal udfyldes.' })
  cpr!: string;
}
