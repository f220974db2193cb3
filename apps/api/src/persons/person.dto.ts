import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import { ChoiceField, TextField } from '../common/field-decorators';
import { REVEAL_REASON_LABELS, type RevealReason } from '../../../../libs/domain/persons/person-protection';
import { PageQuery } from '../common/page';

/** A CPR number as typed: its format and birth date are checked by the register (422). */
function CprField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: String, description, example: '010190-1234', maxLength: 20 }),
    IsDefined({ message: 'CPR-nummeret skal udfyldes.' }),
    IsString({ message: 'CPR-nummeret skal være tekst.' }),
    MaxLength(20, { message: 'CPR-nummeret må højst være 20 tegn.' }),
  );
}

export class RegisterPersonDto {
  @TextField('name', {
    label: 'Navnet',
    description: 'Fulde navn.',
    example: 'Jens Jensen',
    required: true,
    maxLength: 200,
  })
  name!: string;

  @CprField('CPR-nummer, DDMMÅÅ-XXXX.')
  cpr!: string;
}

export class LookupPersonDto {
  @CprField('CPR-nummer, DDMMÅÅ-XXXX (i brødteksten, aldrig i adressen).')
  cpr!: string;

  @ChoiceField('reason', REVEAL_REASON_LABELS, {
    label: 'Begrundelsen',
    description:
      'Kun for en beskyttet person (udvidet adressebeskyttelse): hvorfor navn og CPR-nummer skal vises. Uden begrundelse, eller for andre end sagsbehandlerne i enheden med sagen, findes personen ikke.',
  })
  reason?: RevealReason;
}

/** A name search: the name in the body (never in the address), and the page. */
export class SearchPersonsDto extends PageQuery {
  // Any text: one too short to search by (also an empty one) is the search's own 422.
  @ApiProperty({
    type: String,
    description: 'Navnet eller dele af det; hvert ord skal passe (store og små bogstaver og accenter er lige).',
    example: 'Jens Jensen',
    maxLength: 200,
  })
  @IsDefined({ message: 'Navnet skal udfyldes.' })
  @IsString({ message: 'Navnet skal være tekst.' })
  @MaxLength(200, { message: 'Navnet må højst være 200 tegn.' })
  name!: string;
}
