import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  ORGANISATION_NAMES,
  ORGANISATIONS,
  UNIT_CODE_PATTERN,
  UNIT_KINDS,
  type InstitutionType,
  type Organisation,
  type UnitKind,
} from '../../../../libs/domain/organisations/organisation-units';
import { BooleanField, ChoiceField, orList, TextField } from '../common/field-decorators';
import { PageQuery } from '../common/page';

/** The kinds and types as a message lists them, within a sentence. */
const KIND_NAMES: Record<UnitKind, string> = {
  institution: 'en enhed i Kriminalforsorgen',
  police_district: 'en politikreds',
  municipality: 'en kommune',
};
const INSTITUTION_TYPE_NAMES: Record<InstitutionType, string> = {
  closed_prison: 'lukket fængsel',
  open_prison: 'åbent fængsel',
  remand_prison: 'arresthus',
  probation_office: 'Kriminalforsorgen i Frihed',
};

/** A unit's name is at most this long (the column's length). */
export const UNIT_NAME_LENGTH = 200;

/** `?kind=&organisation=&includeClosed=` on the administrators' list of units. */
export class UnitListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS, description: 'Kun enheder af denne slags.' })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: `Slags enhed skal være ${orList(UNIT_KINDS.map((kind) => KIND_NAMES[kind]))}.` })
  kind?: UnitKind;

  @ApiPropertyOptional({ enum: ORGANISATIONS, description: 'Kun denne organisations enheder.' })
  @IsOptional()
  @IsIn(ORGANISATIONS, {
    message: `Organisationen skal være ${orList(ORGANISATIONS.map((code) => ORGANISATION_NAMES[code]))}.`,
  })
  organisation?: Organisation;

  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    description: 'Kun enheder, hvis kode eller navn indeholder teksten.',
  })
  @IsOptional()
  @IsString({ message: 'Søgeteksten skal være tekst.' })
  @MaxLength(100, { message: 'Søgeteksten må højst være 100 tegn.' })
  search?: string;

  @ApiPropertyOptional({ type: Boolean, default: true, description: 'Også lukkede enheder (standard: ja).' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'Feltet »Også lukkede« skal være ja eller nej.' })
  includeClosed: boolean = true;
}

/** A new unit's code: capitals, digits and hyphens, as the existing codes (`KF-NYBORG`, `KOM-0101`). */
function UnitCodeInput(): PropertyDecorator {
  const message = 'Koden skal være 2-64 tegn: store bogstaver (A-Z), tal og bindestreg, fx KF-NYBORG.';
  return applyDecorators(
    ApiProperty({ type: String, pattern: UNIT_CODE_PATTERN, example: 'KF-NYBORG', required: true }),
    IsDefined({ message: 'Koden skal udfyldes.' }),
    IsString({ message }),
    Matches(new RegExp(UNIT_CODE_PATTERN), { message }),
  );
}

export class CreateUnitDto {
  @UnitCodeInput()
  code!: string;

  @TextField('name', {
    label: 'Navnet',
    description: 'Enhedens navn, som organisationen selv skriver det.',
    example: 'Nyborg Fængsel',
    required: true,
    maxLength: UNIT_NAME_LENGTH,
  })
  name!: string;

  @ChoiceField('kind', KIND_NAMES, {
    label: 'Slags enhed',
    description: 'Slags enhed; organisationen følger af den.',
    required: true,
  })
  kind!: UnitKind;

  @ChoiceField('institutionType', INSTITUTION_TYPE_NAMES, {
    label: 'Typen af Kriminalforsorgens enhed',
    description: 'Kun for Kriminalforsorgens enheder (kind institution): fængsel, arresthus eller KiF.',
  })
  institutionType?: InstitutionType;
}

/** A rename, a closing or a reopening: at least one of them. */
export class UpdateUnitDto {
  @TextField('name', { label: 'Navnet', description: 'Det nye navn.', maxLength: UNIT_NAME_LENGTH })
  name?: string;

  @BooleanField('closed', {
    label: 'Feltet »Lukket«',
    description: 'true lukker enheden (den tager ikke nye sager, men vises stadig ved navn); false genåbner den.',
  })
  closed?: boolean;
}
