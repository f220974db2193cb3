import { registerDecorator } from 'class-validator';
import { ENDINGS, OTHER_REASON, type EndingName } from '../../../../libs/domain/case/ending-reasons';
import type { UnitKind } from '../../../../libs/domain/organisations/organisation-units';
import {
  ChoiceField,
  InstantField,
  ReferenceField,
  TextField,
  UnitCodeField,
  type FieldOptions,
} from './field-decorators';

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

/** How the messages name a decision's reason code: as the page's forms label it ("Årsag"). */
export const REASON_CODE_LABEL = 'Årsagen';

/** Whether a body's reason code calls for the free-text reason beside it: `other`, or no code (as before codes). */
export const needsReasonNote = (reasonCode: string | undefined) =>
  reasonCode === undefined || reasonCode === OTHER_REASON;

/**
 * The reason code of a body for the workflow's input: only when given (left out, the workflow records
 * `other`, and the rule asks for the reason with the decision's own message, as before codes).
 */
export const givenReasonCode = (body: { reasonCode?: string }) =>
  body.reasonCode === undefined ? {} : { reasonCode: body.reasonCode };

/**
 * Why a case or course ends, or a handover is declined (`reasonCode`): a code of the ending's list
 * (libs/domain/case/ending-reasons.ts; for a decision with two endings, of either: the rule checks the one
 * the decision takes). Optional: left out, it is `other` and the reason says why, as before codes. `onlyWhen`
 * refuses a code on a decision that ends nothing (an offer, a concern conversation).
 */
export function ReasonCode<Dto>(
  endings: readonly EndingName[],
  description: string,
  onlyWhen?: { when: (dto: Dto) => boolean; message: string },
): PropertyDecorator {
  const reasons = Object.assign({}, ...endings.map((ending) => ENDINGS[ending].reasons)) as Record<string, string>;
  // Quoted, as the rule's refusal names them: the names themselves may say "eller" ("udvist eller udrejst").
  const names = Object.fromEntries(Object.entries(reasons).map(([code, name]) => [code, `»${name}«`]));
  const choice = ChoiceField('reasonCode', names, {
    label: REASON_CODE_LABEL,
    description: `${description} Udeladt: andet (\`${OTHER_REASON}\`), og begrundelsen siger hvorfor; ved andet skal begrundelsen udfyldes.`,
  });
  if (!onlyWhen) return choice;
  // Registered first, so checked first: a code on a decision that ends nothing is refused as such.
  return (target, propertyName) => {
    registerDecorator({
      name: 'reasonCodeOnlyWhen',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: onlyWhen.message },
      validator: { validate: (_value, args) => onlyWhen.when(args!.object as Dto) },
    });
    choice(target, propertyName);
  };
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
