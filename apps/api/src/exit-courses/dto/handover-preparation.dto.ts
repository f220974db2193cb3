import {
  HANDOVER_RECOMMENDATION_LABELS,
  PLAN_STATUS_LABELS,
  READINESS_OWNER_LABELS,
  type HandoverRecommendation,
  type PlanStatus,
  type ReadinessOwner,
} from '../../../../../libs/domain/exit-course/handover-preparation.types';
import { MomentOrNow } from '../../common/dto-fields';
import { BooleanField, ChoiceField, TextField } from '../../common/field-decorators';

/** Who sees to one readiness item after release, as the report's form names it. */
function OwnerOf(field: string, item: string): PropertyDecorator {
  return ChoiceField(field, READINESS_OWNER_LABELS, {
    label: `Ansvarlig for ${item}`,
    description: `Hvem der efter løsladelsen sørger for ${item}: Kriminalforsorgen, kommunen, politiet eller borgeren selv.`,
    required: true,
  });
}

export class HandoverReportDto {
  @TextField('plan', { label: 'Planen', description: 'Exitplanen i kort form.', required: true })
  plan!: string;

  @ChoiceField('planStatus', PLAN_STATUS_LABELS, {
    label: 'Planens status',
    description: 'Om planen følges, følges delvist eller ikke følges.',
    required: true,
  })
  planStatus!: PlanStatus;

  @OwnerOf('housingOwner', 'bolig')
  housingOwner!: ReadinessOwner;

  @OwnerOf('incomeOwner', 'forsørgelse')
  incomeOwner!: ReadinessOwner;

  @OwnerOf('jobOrEducationPlanOwner', 'job- eller uddannelsesplan')
  jobOrEducationPlanOwner!: ReadinessOwner;

  @OwnerOf('mentorContinuityOwner', 'mentorkontinuitet')
  mentorContinuityOwner!: ReadinessOwner;

  @TextField('riskAssessment', {
    label: 'Risiko og sikkerhed',
    description: 'Vurdering af risiko og sikkerhed. Skriv aldrig en adresse her.',
    required: true,
  })
  riskAssessment!: string;

  @BooleanField('extendedAddressProtection', {
    label: 'Feltet »Udvidet adressebeskyttelse?«',
    description: 'Ja: adressen oplyses ikke i overdragelsen, kun efter behov gennem kontaktpersonen.',
    required: true,
  })
  extendedAddressProtection!: boolean;

  @TextField('paroleConditions', {
    label: 'Vilkår for prøveløsladelse',
    description: 'Vilkårene for prøveløsladelsen; kun (og skal) udfyldes i et forløb knyttet til prøveløsladelse.',
  })
  paroleConditions?: string;

  @TextField('contactName', {
    label: 'Kontaktpersonen',
    description: 'Kriminalforsorgens kontaktperson (medarbejder), ikke den indsattes oplysninger.',
    required: true,
    maxLength: 200,
  })
  contactName!: string;

  @TextField('contactPhone', {
    label: 'Kontaktpersonens telefon',
    description: 'Kontaktpersonens tjenestetelefon.',
    required: true,
    maxLength: 40,
  })
  contactPhone!: string;

  @MomentOrNow('submittedAt', 'Tidspunktet for rapporten', 'Tidspunkt for rapporten (standard: nu).')
  submittedAt?: string;
}

export class HandoverViewDto {
  @ChoiceField('recommendation', HANDOVER_RECOMMENDATION_LABELS, {
    label: 'Anbefalingen',
    description: 'continue: forløbet videreføres; not_continue: forløbet videreføres ikke.',
    required: true,
  })
  recommendation!: HandoverRecommendation;

  @TextField('view', { label: 'Udtalelsen', description: 'Udtalelsen til exitenhedens afgørelse.', required: true })
  view!: string;

  @MomentOrNow('recordedAt', 'Tidspunktet for udtalelsen', 'Tidspunkt for udtalelsen (standard: nu).')
  recordedAt?: string;
}
