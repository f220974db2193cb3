import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'kf.storstroem' })
  @MaxLength(120, { message: 'username må højst være 120 tegn.' })
  @IsString({ message: 'username skal være tekst.' })
  @IsDefined({ message: 'username skal udfyldes.' })
  username!: string;

  @ApiProperty({ example: 'exitflow-demo' })
  @MaxLength(200, { message: 'password må højst være 200 tegn.' })
  @IsString({ message: 'password skal være tekst.' })
  @IsDefined({ message: 'password skal udfyldes.' })
  password!: string;
}
