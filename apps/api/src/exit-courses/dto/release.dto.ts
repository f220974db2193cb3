import { HANDOVER_CONTINUATIONS, READINESS_ITEMS } from '../../../../../libs/domain/exit-course/exit-course.types';
import { MomentOrNow, Reason, UnitCode } from '../../common/dto-fields';
import { BooleanField, ChoiceField, DateField, TextField } from '../../common/field-decorators';

export class PrisonTransferDto {
  @UnitCode('institution', 'toInstitutionCode', {
    description: 'Den modtagende institutions kode.',
    example: 'KF-ENNER-MARK',
    required: true,
  })
  toInstitutionCode!: string;

  @MomentOrNow('transferredAt', 'Tidspunkt for overførslen (standard: nu).')
  transferredAt?: string;
}

export class ReleasePlanDto {
  @UnitCode('municipality', 'municipalityCode', {
    description: 'Kommunen personen løslades til.',
    example: 'KOM-0101',
    required: true,
  })
  municipalityCode!: string;

  @UnitCode('police_district', 'policeDistrictCode', {
    description: 'Politikredsen personen løslades til (dens exitenhed får sagen).',
    example: 'POL-KBH',
    required: true,
  })
  policeDistrictCode!: string;
}

export class ExpectedReleaseDateDto {
  @DateField('expectedReleaseDate', {
    description: 'Ny forventet løsladelsesdato.',
    example: '2027-05-15',
    required: true,
  })
  expectedReleaseDate!: string;

  @Reason('Hvorfor datoen ændres.', { requiredOf: 'En ændret løsladelsesdato' })
  reason!: string;
}

export class ReadinessDto {
  @ChoiceField('item', READINESS_ITEMS, {
    description: 'Punkt på tjeklisten: bolig, forsørgelse, job-/uddannelsesplan, mentorkontinuitet.',
    required: true,
  })
  item!: (typeof READINESS_ITEMS)[number];

  @BooleanField('ready', { description: 'Om punktet er på plads.', required: true })
  ready!: boolean;

  @TextField('note', { description: 'Bemærkning (fx hvilken bolig).' })
  note?: string;
}

export class ReleaseDto {
  @MomentOrNow('releasedAt', 'Tidspunkt for løsladelsen (standard: nu).')
  releasedAt?: string;

  @UnitCode('police_district', 'policeDistrictCode', {
    description: 'Politikredsen, hvis exitenhed overtager (standard: løsladelsesplanens).',
  })
  policeDistrictCode?: string;

  @UnitCode('municipality', 'municipalityCode', {
    description: 'Kommunen personen løslades til (standard: løsladelsesplanens).',
  })
  municipalityCode?: string;
}

export const HANDOVER_DECISIONS = ['accept', 'decline'] as const;

export class HandoverDecisionDto {
  @ChoiceField('decision', HANDOVER_DECISIONS, {
    description: 'accept: overtaget; decline: afvist (tilbage til Kriminalforsorgen).',
    required: true,
    message: "decision skal være 'accept' eller 'decline'.",
  })
  decision!: (typeof HANDOVER_DECISIONS)[number];

  @ChoiceField('continuation', HANDOVER_CONTINUATIONS, {
    description: 'Ved accept: videreført med kommunen, i kommunens exitprogram, eller afsluttet.',
    required: 'Ved accept skal continuation udfyldes.',
    requiredWhen: (dto: HandoverDecisionDto) => dto.decision === 'accept',
  })
  continuation?: (typeof HANDOVER_CONTINUATIONS)[number];

  @Reason('Begrundelse; skal udfyldes ved afvisning og ved afslutning.')
  reason?: string;

  @MomentOrNow('decidedAt', 'Tidspunkt for afgørelsen (standard: nu).')
  decidedAt?: string;
}

export class HandoverRedirectDto {
  @UnitCode('police_district', 'policeDistrictCode', {
    description: 'Den politikreds, der nu skal overtage.',
    example: 'POL-KBH-VESTEGN',
    required: true,
  })
  policeDistrictCode!: string;
}
