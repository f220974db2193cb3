import { SUSPICION_LABELS, type Suspicion } from '../../../../libs/domain/youth/network-council.types';
import { UnitCode, YouthPersonRef } from '../common/dto-fields';
import { ChoiceField, TextField } from '../common/field-decorators';

/** The documentation that a youth under 18 is suspected or charged, as the police send it to the municipality. */
export class SendPoliceDocumentationDto {
  @YouthPersonRef()
  personRef!: string;

  @UnitCode('police_district', 'policeDistrictCode', {
    label: 'Politikredsen',
    description: 'Den afsendende politikreds (DKS eller den efterforskende enhed).',
    example: 'POL-KBH',
    required: true,
  })
  policeDistrictCode!: string;

  @UnitCode('municipality', 'municipalityCode', {
    label: 'Kommunen',
    description: 'Den kommune, der skal indkalde til netværkssamrådet.',
    example: 'KOM-0101',
    required: true,
  })
  municipalityCode!: string;

  @ChoiceField('suspicion', SUSPICION_LABELS, {
    label: 'Mistanken',
    description: 'suspected: mistænkt; charged: sigtet.',
    required: true,
  })
  suspicion!: Suspicion;

  @TextField('offence', {
    label: 'Lovovertrædelsen',
    description: 'Den alvorlige kriminalitet, den unge er mistænkt eller sigtet for (gemmes krypteret).',
    required: true,
  })
  offence!: string;
}
