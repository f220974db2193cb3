import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { orList } from '../common/field-decorators';
import { PageQuery } from '../common/page';

export const ATTENTION_STATES = ['pending', 'resolved'] as const;
export type AttentionState = (typeof ATTENTION_STATES)[number];
const ATTENTION_STATE_NAMES: Record<AttentionState, string> = { pending: 'venter på driften', resolved: 'løst' };

export class AttentionQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ATTENTION_STATES,
    default: 'pending',
    description: 'pending: venter på driften; resolved: sendt igen og gemt.',
  })
  @IsOptional()
  @IsIn(ATTENTION_STATES, {
    message: `Tilstanden skal være ${orList(ATTENTION_STATES.map((state) => `»${ATTENTION_STATE_NAMES[state]}«`))}.`,
  })
  state: AttentionState = 'pending';
}

/** A case whose read model refused a transition: ids, kinds and error codes — never its contents. */
export class AttentionView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ['exit_course', 'dks_assessment', 'network_council'] }) caseType!: string;
  @ApiProperty({ description: 'Sagstypens navn.' }) caseTypeLabel!: string;
  @ApiProperty() workflowId!: string;
  @ApiProperty({
    type: 'integer',
    description: 'Den afviste registrerings nummer i sagen; senere registreringer venter bag den.',
  })
  transitionSeq!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Det trin, registreringen drejer sig om.' }) stepKind!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) stepLabel!: string | null;
  @ApiProperty({ description: 'Fejlens klasse, fx QueryFailedError.' }) errorClass!: string;
  @ApiProperty({ type: String, nullable: true, description: 'PostgreSQL-fejlkode (SQLSTATE), fx 22021.' }) errorCode!:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Tabel, kolonne eller regel, som PostgreSQL nævner.' })
  schemaObject!: string | null;
  @ApiProperty({ type: 'integer', description: 'Hvor mange gange registreringen er afvist (også efter forsøg igen).' })
  failures!: number;
  @ApiProperty({ format: 'date-time' }) firstFailedAt!: string;
  @ApiProperty({ format: 'date-time' }) lastFailedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) redrivenAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
}

export class AttentionPage {
  @ApiProperty({ type: [AttentionView] }) items!: AttentionView[];
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer', description: 'Sager, der venter på driften lige nu.' }) pending!: number;
}

export class RedriveResultView {
  @ApiProperty({ description: 'Sagen er indhentet: alt, den har registreret, er gemt.' }) caughtUp!: boolean;
  @ApiProperty({
    type: AttentionView,
    nullable: true,
    description: 'Når den ikke er indhentet: den registrering, der nu afvises.',
  })
  attention!: AttentionView | null;
}
