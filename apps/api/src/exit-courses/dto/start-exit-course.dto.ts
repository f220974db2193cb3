import { unitCodesOf } from '../../../../../libs/domain/organisations/organisation-units';
import { BooleanField, DateField, InstantField, ReferenceField, UnitCodeField } from '../../common/field-decorators';

export class StartExitCourseDto {
  @ReferenceField('personRef', {
    description: 'Pseudonym personreference (aldrig navn eller CPR-nummer).',
    example: 'P-2026-0042',
    required: 'personRef skal udfyldes.',
  })
  personRef!: string;

  @UnitCodeField('institutionCode', unitCodesOf('institution'), {
    description: 'Institutionens kode.',
    example: 'KF-STORSTROEM',
    required: 'institutionCode skal udfyldes.',
  })
  institutionCode!: string;

  @DateField('expectedReleaseDate', {
    description: 'Forventet løsladelsesdato.',
    example: '2027-06-30',
    required: 'expectedReleaseDate skal udfyldes.',
  })
  expectedReleaseDate!: string;

  @BooleanField('paroleLinked', {
    description: 'Knyttet til prøveløsladelse (Bander bag tremmer).',
    required: 'paroleLinked skal udfyldes.',
  })
  paroleLinked!: boolean;

  @InstantField('referredAt', {
    description: 'Tidspunkt for henvisningen; fristen for egnethedsvurderingen regnes herfra. Standard: nu.',
  })
  referredAt?: string;
}
