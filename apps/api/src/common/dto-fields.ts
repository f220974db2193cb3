import type { UnitKind } from '../../../../libs/domain/organisations/organisation-units';
import { InstantField, ReferenceField, TextField, UnitCodeField, type FieldOptions } from './field-decorators';

/**
 * The fields many request bodies share, each one decorator over a field kind of field-decorators.ts: the
 * OpenAPI schema and the messages are the kind's own, so a body says only what is particular to it.
 */

/**
 * The moment a decision or an event took place; left out, it is now (the API records it with
 * `instantOrNow`). `label` names it in messages ("Tidspunktet for underskriften"); the description says
 * it is now when left out in its own words: "Tidspunkt for underskriften (standard: nu)."
 */
export function MomentOrNow(field: string, label: string, description: string, example?: string): PropertyDecorator {
  return InstantField(field, { label, description, example });
}

/** The required moment a case's first deadline and the young person's age are counted from. */
export function DeadlineStart(field: string, label: string, description: string): PropertyDecorator {
  return InstantField(field, {
    label,
    description,
    required: `${label} skal udfyldes: fristen og alderen regnes fra dette tidspunkt.`,
  });
}

/** How the messages name a decision's reason: as the page's forms label it ("Begrundelse"). */
export const REASON_LABEL = 'Begrundelsen';

/**
 * A decision's reason (`reason`, free text). `requiredOf` names what must have one and makes the field
 * required ("En afbrydelse" → "En afbrydelse skal have en begrundelse."), and `when` only when the rest
 * of the body calls for it; without them the reason is optional.
 */
export function Reason<Dto>(
  description: string,
  required?: { requiredOf: string; when?: (dto: Dto) => boolean },
): PropertyDecorator {
  if (!required) return TextField('reason', { label: REASON_LABEL, description });
  return TextField<Dto>('reason', {
    label: REASON_LABEL,
    description,
    required: `${required.requiredOf} skal have en begrundelse.`,
    requiredWhen: required.when,
  });
}

/**
 * The code of a unit of one kind (an institution, a police district, a municipality). The units are data
 * (GET /api/reference-data lists them): the service checks the code against them (422, UnitReference).
 */
export function UnitCode(_kind: UnitKind, field: string, options: FieldOptions): PropertyDecorator {
  return UnitCodeField(field, options);
}

/** How the messages name a person's reference. */
export const PERSON_REF_LABEL = 'Personreferencen';

/** The person's pseudonymous reference (`personRef`), always required. */
export function PersonRef(description: string, example?: string): PropertyDecorator {
  return ReferenceField('personRef', { label: PERSON_REF_LABEL, description, example, required: true });
}

/** The reference of the young person a youth case (DKS, network council) is about, from the person register. */
export function YouthPersonRef(): PropertyDecorator {
  return PersonRef('Den unges personreference (fra personregistret).');
}
