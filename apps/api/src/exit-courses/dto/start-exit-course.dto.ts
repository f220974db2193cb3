import { MomentOrNow, PersonRef, UnitCode } from '../../common/dto-fields';
import { BooleanField, DateField } from '../../common/field-decorators';

export class StartExitCourseDto {
  @PersonRef('Pseudonym personreference (aldrig navn eller CPR-nummer).', 'P-2026-0042')
  personRef!: string;

  @UnitCode('institution', 'institutionCode', {
    label: 'Institutionen',
    description: 'Institutionens kode.',
    example: 'KF-STORSTROEM',
    required: true,
  })
  institutionCode!: string;

  @DateField('expectedReleaseDate', {
    label: 'Den forventede løsladelsesdato',
    description: 'Forventet løsladelsesdato.',
    example: '2027-06-30',
    required: true,
  })
  expectedReleaseDate!: string;

  @BooleanField('paroleLinked', {
    label: 'Feltet »Knyttet til prøveløsladelse«',
    description: 'Knyttet til prøveløsladelse (Bander bag tremmer).',
    required: true,
  })
  paroleLinked!: boolean;

  @MomentOrNow(
    'referredAt',
    'Tidspunktet for henvisningen',
    'Tidspunkt for henvisningen; fristen for egnethedsvurderingen regnes herfra. Standard: nu.',
  )
  referredAt?: string;
}
