import { HANDOVER_CONTINUATIONS, READINESS_ITEMS } from '../../../../../libs/domain/exit-course/exit-course.types';
import { unitCodesOf } from '../../../../../libs/domain/organisations/organisation-units';
import {
  BooleanField,
  ChoiceField,
  DateField,
  InstantField,
  TextField,
  UnitCodeField,
} from '../../common/field-decorators';

const INSTITUTIONS = unitCodesOf('institution');
const POLICE_DISTRICTS = unitCodesOf('police_district');
const MUNICIPALITIES = unitCodesOf('municipality');

export class PrisonTransferDto {
  @UnitCodeField('toInstitutionCode', INSTITUTIONS, {
    description: 'Den modtagende institutions kode.',
    example: 'KF-ENNER-MARK',
    required: 'toInstitutionCode skal udfyldes.',
  })
  toInstitutionCode!: string;

  @InstantField('transferredAt', { description: 'Tidspunkt for overførslen (standard: nu).' })
  transferredAt?: string;
}

export class ReleasePlanDto {
  @UnitCodeField('municipalityCode', MUNICIPALITIES, {
    description: 'Kommunen personen løslades til.',
    example: 'KOM-0101',
    required: 'municipalityCode skal udfyldes.',
  })
  municipalityCode!: string;

  @UnitCodeField('policeDistrictCode', POLICE_DISTRICTS, {
    description: 'Politikredsen personen løslades til (dens exitenhed får sagen).',
    example: 'POL-KBH',
    required: 'policeDistrictCode skal udfyldes.',
  })
  policeDistrictCode!: string;
}

export class ExpectedReleaseDateDto {
  @DateField('expectedReleaseDate', {
    description: 'Ny forventet løsladelsesdato.',
    example: '2027-05-15',
    required: 'expectedReleaseDate skal udfyldes.',
  })
  expectedReleaseDate!: string;

  @TextField('reason', {
    description: 'Hvorfor datoen ændres.',
    required: 'En ændret løsladelsesdato skal have en begrundelse (reason).',
  })
  reason!: string;
}

export class ReadinessDto {
  @ChoiceField('item', READINESS_ITEMS, {
    description: 'Punkt på tjeklisten: bolig, forsørgelse, job-/uddannelsesplan, mentorkontinuitet.',
    required: 'item skal udfyldes.',
  })
  item!: (typeof READINESS_ITEMS)[number];

  @BooleanField('ready', { description: 'Om punktet er på plads.', required: 'ready skal udfyldes.' })
  ready!: boolean;

  @TextField('note', { description: 'Bemærkning (fx hvilken bolig).' })
  note?: string;
}

export class ReleaseDto {
  @InstantField('releasedAt', { description: 'Tidspunkt for løsladelsen (standard: nu).' })
  releasedAt?: string;

  @UnitCodeField('policeDistrictCode', POLICE_DISTRICTS, {
    description: 'Politikredsen, hvis exitenhed overtager (standard: løsladelsesplanens).',
  })
  policeDistrictCode?: string;

  @UnitCodeField('municipalityCode', MUNICIPALITIES, {
    description: 'Kommunen personen løslades til (standard: løsladelsesplanens).',
  })
  municipalityCode?: string;
}

export const HANDOVER_DECISIONS = ['accept', 'decline'] as const;

export class HandoverDecisionDto {
  @ChoiceField('decision', HANDOVER_DECISIONS, {
    description: 'accept: overtaget; decline: afvist (tilbage til Kriminalforsorgen).',
    required: 'decision skal udfyldes.',
    message: "decision skal være 'accept' eller 'decline'.",
  })
  decision!: (typeof HANDOVER_DECISIONS)[number];

  @ChoiceField('continuation', HANDOVER_CONTINUATIONS, {
    description: 'Ved accept: videreført med kommunen, i kommunens exitprogram, eller afsluttet.',
    required: 'Ved accept skal continuation udfyldes.',
    requiredWhen: (dto: HandoverDecisionDto) => dto.decision === 'accept',
  })
  continuation?: (typeof HANDOVER_CONTINUATIONS)[number];

  @TextField('reason', { description: 'Begrundelse; skal udfyldes ved afvisning og ved afslutning.' })
  reason?: string;

  @InstantField('decidedAt', { description: 'Tidspunkt for afgørelsen (standard: nu).' })
  decidedAt?: string;
}

export class HandoverRedirectDto {
  @UnitCodeField('policeDistrictCode', POLICE_DISTRICTS, {
    description: 'Den politikreds, der nu skal overtage.',
    example: 'POL-KBH-VESTEGN',
    required: 'policeDistrictCode skal udfyldes.',
  })
  policeDistrictCode!: string;
}
