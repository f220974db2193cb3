import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ROLE_LABELS, ROLES, type Role } from '../../../../libs/domain/organisations/roles';
import { BooleanField, ChoiceField, EmailField } from '../common/field-decorators';

/** The roles by name, quoted: several names hold a comma ("Sagsbehandler, kommune"). */
const QUOTED_ROLE_LABELS = Object.fromEntries(ROLES.map((role) => [role, `»${ROLE_LABELS[role]}«`])) as Record<
  Role,
  string
>;

/** What an administrator may change on a local user: active or not, role, units, e-mail. Each field is optional. */
export class UserChangeDto {
  @BooleanField('active', {
    label: 'Feltet »Aktiv«',
    description: 'false deaktiverer brugeren (billetter holder op med at virke); true genaktiverer.',
  })
  active?: boolean;

  @ChoiceField('role', QUOTED_ROLE_LABELS, {
    label: 'Rollen',
    description: 'Den nye rolle; den skal høre til brugerens organisation.',
  })
  role?: Role;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    description: 'De nye enhedskoder (hele listen); hver skal høre til brugerens organisation.',
  })
  @applyDecorators(
    ValidateIf((dto: UserChangeDto) => dto.units !== undefined),
    IsArray({ message: 'Enhederne skal være en liste af enhedskoder.' }),
    ArrayMaxSize(50, { message: 'Der må højst være 50 enheder.' }),
    IsString({ each: true, message: 'Enhederne skal være en liste af enhedskoder (tekst).' }),
    MaxLength(64, { each: true, message: 'En enhedskode må højst være 64 tegn.' }),
  )
  units?: string[];

  @EmailField('email', {
    label: 'E-mailadressen',
    description:
      'Hvor beskeder til brugeren sendes (frister i egne sager, tildelinger); tom tekst fjerner den, så enhedens postkasse får dem.',
  })
  email?: string;
}
