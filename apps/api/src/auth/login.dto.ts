import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'kf.storstroem' })
  @MaxLength(120, { message: 'Brugernavnet må højst være 120 tegn.' })
  @IsString({ message: 'Brugernavnet skal være tekst.' })
  @IsDefined({ message: 'Brugernavnet skal udfyldes.' })
  username!: string;

  @ApiProperty({ example: 'exitflow-demo' })
  @MaxLength(200, { message: 'Adgangskoden må højst være 200 tegn.' })
  @IsString({ message: 'Adgangskoden skal være tekst.' })
  @IsDefined({ message: 'Adgangskoden skal udfyldes.' })
  password!: string;
}
