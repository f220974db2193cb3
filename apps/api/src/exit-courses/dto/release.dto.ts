import {
  HANDOVER_CONTINUATION_LABELS,
  READINESS_LABELS,
  type HandoverContinuation,
  type ReadinessItem,
} from '../../../../../libs/domain/exit-course/exit-course.types';
import { MomentOrNow, Reason, ReasonCode, UnitCode } from '../../common/dto-fields';
import { BooleanField, ChoiceField, DateField, TextField } from '../../common/field-decorators';

export class PrisonTransferDto {
  @UnitCode('institution', 'toInstitutionCode', {
    label: 'Den modtagende institution',
    description: 'Den modtagende institutions kode.',
    example: 'KF-ENNER-MARK',
    required: true,
  })
  toInstitutionCode!: string;

  @MomentOrNow('transferredAt', 'Tidspunktet for overførslen', 'Tidspunkt for overførslen (standard: nu).')
  transferredAt?: string;
}

export class ReleasePlanDto {
  @UnitCode('municipality', 'municipalityCode', {
    label: 'Kommunen',
    description: 'Kommunen personen løslades til.',
    example: 'KOM-0101',
    required: true,
  })
  municipalityCode!: string;

  @UnitCode('police_district', 'policeDistrictCode', {
    label: 'Politikredsen',
    description: 'Politikredsen personen løslades til (dens exitenhed får sagen).',
    example: 'POL-KBH',
    required: true,
  })
  policeDistrictCode!: string;
}

export class ExpectedReleaseDateDto {
  @DateField('expectedReleaseDate', {
    label: 'Den nye løsladelsesdato',
    description: 'Ny forventet løsladelsesdato.',
    example: '2027-05-15',
    required: true,
  })
  expectedReleaseDate!: string;

  @Reason('Hvorfor datoen ændres.', { requiredOf: 'En ændret løsladelsesdato' })
  reason!: string;
}

export class ReadinessDto {
  @ChoiceField('item', READINESS_LABELS, {
    label: 'Punktet',
    description: 'Punkt på tjeklisten: bolig, forsørgelse, job-/uddannelsesplan, mentorkontinuitet.',
    required: true,
  })
  item!: ReadinessItem;

  @BooleanField('ready', {
    label: 'Feltet »Er punktet på plads?«',
    description: 'Om punktet er på plads.',
    required: true,
  })
  ready!: boolean;

  @TextField('note', { label: 'Bemærkningen', description: 'Bemærkning (fx hvilken bolig).' })
  note?: string;
}

export class ReleaseDto {
  @MomentOrNow('releasedAt', 'Tidspunktet for løsladelsen', 'Tidspunkt for løsladelsen (standard: nu).')
  releasedAt?: string;

  @UnitCode('police_district', 'policeDistrictCode', {
    label: 'Politikredsen',
    description: 'Politikredsen, hvis exitenhed overtager (standard: løsladelsesplanens).',
  })
  policeDistrictCode?: string;

  @UnitCode('municipality', 'municipalityCode', {
    label: 'Kommunen',
    description: 'Kommunen personen løslades til (standard: løsladelsesplanens).',
  })
  municipalityCode?: string;
}

/** The exit unit's answer to a handover, as the page's form names it. */
const HANDOVER_DECISION_LABELS = { accept: 'overtag sagen', decline: 'afvis' } as const;

export class HandoverDecisionDto {
  @ChoiceField('decision', HANDOVER_DECISION_LABELS, {
    label: 'Afgørelsen',
    description: 'accept: overtaget; decline: afvist (tilbage til Kriminalforsorgen).',
    required: true,
  })
  decision!: keyof typeof HANDOVER_DECISION_LABELS;

  @ChoiceField('continuation', HANDOVER_CONTINUATION_LABELS, {
    label: 'Det videre forløb',
    description: 'Ved accept: videreført med kommunen, i kommunens exitprogram, eller afsluttet.',
    required: 'Ved overtagelse skal det videre forløb udfyldes.',
    requiredWhen: (dto: HandoverDecisionDto) => dto.decision === 'accept',
  })
  continuation?: HandoverContinuation;

  @ReasonCode<HandoverDecisionDto>(
    ['handover_decline', 'handover_closure'],
    'Ved afvisning: hvorfor overdragelsen afvises; ved afslutning: hvorfor forløbet afsluttes.',
    {
      when: (dto) => dto.decision !== 'accept' || dto.continuation === 'closed',
      message: 'Et videreført forløb har ingen årsag: lad årsagen være tom.',
    },
  )
  reasonCode?: string;

  @Reason('Begrundelse; skal udfyldes ved afvisning og ved afslutning, når årsagen er andet eller udeladt.')
  reason?: string;

  @MomentOrNow('decidedAt', 'Tidspunktet for afgørelsen', 'Tidspunkt for afgørelsen (standard: nu).')
  decidedAt?: string;
}

export class HandoverRedirectDto {
  @UnitCode('police_district', 'policeDistrictCode', {
    label: 'Politikredsen',
    description: 'Den politikreds, der nu skal overtage.',
    example: 'POL-KBH-VESTEGN',
    required: true,
  })
  policeDistrictCode!: string;
}
