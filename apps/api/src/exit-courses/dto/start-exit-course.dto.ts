import { MomentOrNow, PersonRef, UnitCode } from '../../common/dto-fields';
import { BooleanField, ChoiceField, DateField } from '../../common/field-decorators';
import { REFERRAL_SOURCE_LABELS } from '../../../../../libs/domain/exit-course/police-phase.types';

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

  @ChoiceField(
    'referralSource',
    { kriminalforsorgen: REFERRAL_SOURCE_LABELS.kriminalforsorgen },
    {
      label: 'Henvist af',
      description:
        'Altid Kriminalforsorgen for et forløb i fængslet (kan udelades); politiet og kommunen starter forløb uden for fængslet under /api/exit-courses/outside-prison.',
      example: 'kriminalforsorgen',
    },
  )
  referralSource?: 'kriminalforsorgen';

  @MomentOrNow(
    'referredAt',
    'Tidspunktet for henvisningen',
    'Tidspunkt for henvisningen; fristen for egnethedsvurderingen regnes herfra. Standard: nu.',
  )
  referredAt?: string;
}
