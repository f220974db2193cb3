import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';
import {
  COMMITTEE_PARTIES,
  COMMITTEE_PARTY_LABELS,
  CONCERN_LETTER_DECISION_LABELS,
  CONCERN_LETTER_OUTCOME_LABELS,
  CONCERN_LETTER_PROPOSER_LABELS,
  DELIVERY_RESULT_LABELS,
  type CommitteeParty,
  type ConcernLetterDecision,
  type ConcernLetterOutcome,
  type ConcernLetterProposer,
  type DeliveryResult,
} from '../../../../libs/domain/youth/youth-vocabulary';
import { MomentOrNow, PersonRef, Reason, UnitCode } from '../common/dto-fields';
import { BooleanField, ChoiceField, DateField, orList, TextField } from '../common/field-decorators';

/** `POST /api/concern-letter-rounds`: a coordination round of a police district. */
export class StartConcernLetterRoundDto {
  @UnitCode('police_district', 'policeDistrictCode', {
    label: 'Politikredsen',
    description: 'Politikredsen, hvis koordinationsudvalg holder runden (brugerens egen).',
    example: 'POL-KBH',
    required: true,
  })
  policeDistrictCode!: string;

  @DateField('meetingDate', {
    label: 'Mødedatoen',
    description:
      'Udvalgets mødedato; udvalgets beslutning om hver kandidat skal foreligge ved mødet. Udeladt: 8 uger (CONCERN_LETTER_ROUND_INTERVAL_WEEKS) efter kredsens seneste runde.',
    example: '2027-01-26',
  })
  meetingDate?: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    required: false,
    description: 'Hvor mange kandidater runden har plads til. Udeladt: 10 (CONCERN_LETTER_ROUND_CAPACITY).',
  })
  @ValidateIf((dto: StartConcernLetterRoundDto) => dto.capacity !== undefined)
  @IsInt({ message: 'Antallet af pladser skal være et helt tal.' })
  @Min(1, { message: 'Antallet af pladser skal være mindst 1.' })
  @Max(1000, { message: 'Antallet af pladser må højst være 1000.' })
  capacity?: number;
}

/** `POST /api/concern-letter-rounds/:id/candidates`: a candidate put on the round. */
export class ProposeCandidateDto {
  @PersonRef('Kandidatens personreference (fra personregistret).', 'P-2026-0042')
  personRef!: string;

  @ChoiceField('proposedBy', CONCERN_LETTER_PROPOSER_LABELS, {
    label: 'Indstillet af',
    description:
      'Hvem der indstiller: politiets efterretningssektion og DKS følger af brugerens rolle; kommunen vælger SSP eller kommunens exitenhed.',
  })
  proposedBy?: ConcernLetterProposer;

  @UnitCode('municipality', 'municipalityCode', {
    label: 'Kommunen',
    description: 'Kommunens indstilling: den indstillende kommune (brugerens egen); den bevarer læseadgang til sagen.',
    example: 'KOM-0101',
  })
  municipalityCode?: string;
}

/** The parties present at the committee's decision: a list of COMMITTEE_PARTIES. */
function CommitteeParticipants(): PropertyDecorator {
  const names = COMMITTEE_PARTIES.map((party) => COMMITTEE_PARTY_LABELS[party]);
  return applyDecorators(
    ApiProperty({
      type: 'array',
      items: { type: 'string', enum: [...COMMITTEE_PARTIES] },
      description:
        'De parter, der deltog i beslutningen: mindst politiet (EAS eller DKS) og kommunen (SSP eller kommunens exitenhed).',
      example: ['eas', 'ssp'],
    }),
    IsDefined({ message: 'Deltagerne skal udfyldes.' }),
    IsArray({ message: 'Deltagerne skal være en liste.' }),
    ArrayMinSize(1, { message: 'Deltagerne skal udfyldes.' }),
    ArrayMaxSize(COMMITTEE_PARTIES.length, {
      message: `Deltagerne kan højst være ${COMMITTEE_PARTIES.length} parter.`,
    }),
    IsIn([...COMMITTEE_PARTIES], { each: true, message: `Hver deltager skal være ${orList(names)}.` }),
  );
}

export class CommitteeDecisionDto {
  @ChoiceField('decision', CONCERN_LETTER_DECISION_LABELS, {
    label: 'Beslutningen',
    description: 'send: der sendes bekymringsbrev; not_send: der sendes ikke (sagen afsluttes).',
    required: true,
  })
  decision!: ConcernLetterDecision;

  @CommitteeParticipants()
  participants!: CommitteeParty[];

  @Reason<CommitteeDecisionDto>('Udvalgets begrundelse.', { requiredOf: 'Udvalgets beslutning' })
  reason!: string;

  @MomentOrNow('decidedAt', 'Tidspunktet for beslutningen', 'Hvornår udvalget besluttede (standard: nu).')
  decidedAt?: string;
}

export class DeliveryAttemptDto {
  @ChoiceField('result', DELIVERY_RESULT_LABELS, {
    label: 'Resultatet',
    description:
      'delivered_dialogue / delivered_no_dialogue: afleveret; not_reached / refused: forældrene kontaktes; address_unknown: nyt forsøg (eller afslut).',
    required: true,
  })
  result!: DeliveryResult;

  @MomentOrNow('attemptedAt', 'Tidspunktet for forsøget', 'Hvornår brevet forsøgtes afleveret (standard: nu).')
  attemptedAt?: string;

  @TextField('note', { label: 'Bemærkningen', description: 'Bemærkning til forsøget (valgfri).' })
  note?: string;
}

export class ParentsContactDto {
  @BooleanField('reached', {
    label: 'Feltet »Forældrene blev truffet«',
    description: 'Om forældrene blev truffet.',
    required: true,
  })
  reached!: boolean;

  @MomentOrNow('contactedAt', 'Tidspunktet for kontakten', 'Hvornår forældrene blev kontaktet (standard: nu).')
  contactedAt?: string;

  @TextField('note', {
    label: 'Referatet af kontakten',
    description: 'Hvordan forældrene blev kontaktet, og hvad der kom ud af det.',
    required: true,
  })
  note!: string;
}

export class ConcernLetterFollowUpDto {
  @MomentOrNow('followedUpAt', 'Tidspunktet for opfølgningen', 'Hvornår der blev fulgt op (standard: nu).')
  followedUpAt?: string;

  @TextField('findings', {
    label: 'Resultatet af opfølgningen',
    description: 'Hvad opfølgningen viste.',
    required: true,
  })
  findings!: string;
}

export class ConcernLetterOutcomeDto {
  @ChoiceField('outcome', CONCERN_LETTER_OUTCOME_LABELS, {
    label: 'Udfaldet',
    description:
      'exit_course: et exit-forløb uden for fængslet startes for personen (henvist af bekymringsbrev); dialogue_no_course; no_dialogue.',
    required: true,
  })
  outcome!: ConcernLetterOutcome;

  @TextField('reason', {
    label: 'Begrundelsen',
    description: 'Bemærkning; skal udfyldes, når et brev med ukendt adresse afsluttes uden aflevering.',
  })
  reason?: string;

  @MomentOrNow('decidedAt', 'Tidspunktet for udfaldet', 'Hvornår udfaldet blev registreret (standard: nu).')
  decidedAt?: string;
}
