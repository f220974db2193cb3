import { registerDecorator } from 'class-validator';
import { ApiHideProperty } from '@nestjs/swagger';
import { OUTSIDE_PRISON_REFERRAL_SOURCES } from '../../../../../libs/domain/exit-course/exit-course.rules';
import { REFERRAL_SOURCE_LABELS, type ReferralSource } from '../../../../../libs/domain/exit-course/police-phase.types';
import { MomentOrNow, PersonRef, UnitCode } from '../../common/dto-fields';
import { ChoiceField } from '../../common/field-decorators';

const OUTSIDE_PRISON_SOURCE_LABELS = Object.fromEntries(
  OUTSIDE_PRISON_REFERRAL_SOURCES.map((source) => [source, REFERRAL_SOURCE_LABELS[source]]),
) as Record<Exclude<ReferralSource, 'kriminalforsorgen'>, string>;

/** A field of a course in prison: refused, by its form label, on a course outside prison. */
function OnlyInPrison(message: string): PropertyDecorator {
  return (target, propertyName) => {
    ApiHideProperty()(target, propertyName);
    registerDecorator({
      name: 'onlyInPrison',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message },
      validator: { validate: (value) => value === undefined },
    });
  };
}

/** `POST /api/exit-courses/outside-prison`: a police exit unit or a municipality starts a course itself. */
export class StartOutsidePrisonCourseDto {
  @PersonRef('Pseudonym personreference (aldrig navn eller CPR-nummer).', 'P-2026-0042')
  personRef!: string;

  @UnitCode('police_district', 'startingUnitCode', {
    label: 'Enheden',
    description: 'Den politikreds eller kommune, der starter forløbet (en af brugerens egne).',
    example: 'POL-KBH',
    required: true,
  })
  startingUnitCode!: string;

  @ChoiceField('referralSource', OUTSIDE_PRISON_SOURCE_LABELS, {
    label: 'Henvist af',
    description: 'Hvem forløbet er henvist af (ikke Kriminalforsorgen: de starter forløb i fængslet).',
    example: 'concern_letter',
    required: '»Henvist af« skal udfyldes.',
  })
  referralSource!: Exclude<ReferralSource, 'kriminalforsorgen'>;

  @UnitCode('police_district', 'policeDistrictCode', {
    label: 'Politikredsen',
    description:
      'Kommunens forløb: den politikreds, hvis exitenhed forløbet køres med efter aftalen. Politiets eget forløb: udelades.',
    example: 'POL-KBH',
  })
  policeDistrictCode?: string;

  @MomentOrNow(
    'referredAt',
    'Tidspunktet for henvisningen',
    'Tidspunkt for henvisningen; fristen for egnethedsvurderingen regnes herfra. Standard: nu.',
  )
  referredAt?: string;

  @OnlyInPrison('Den forventede løsladelsesdato hører ikke til et forløb uden for fængslet: lad feltet stå tomt.')
  expectedReleaseDate?: never;

  @OnlyInPrison('Feltet »Knyttet til prøveløsladelse« hører ikke til et forløb uden for fængslet: lad det stå tomt.')
  paroleLinked?: never;

  @OnlyInPrison(
    'Institutionen hører ikke til et forløb uden for fængslet: vælg politikredsen eller kommunen som enhed.',
  )
  institutionCode?: never;
}
