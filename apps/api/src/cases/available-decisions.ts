import { permissionsOf } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { availableDecisions } from '../../../../libs/domain/case/case-decision';
import { DATE_PATTERN, INSTANT_PATTERN } from '../common/field-decorators';
import { BooleanView, ChoiceView, NestedView, TextListView, TextView } from '../common/view-properties';
import type { CaseSlice } from './case-slice';

export const FIELD_KINDS = ['text', 'choice', 'boolean', 'integer', 'number', 'instant', 'date', 'list'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** A field of a decision's body, as its route validates it (read from the body class, never written twice). */
export class DecisionFieldView {
  @TextView({ description: 'Feltets navn i beslutningens body.' }) name!: string;
  @ChoiceView(FIELD_KINDS, { description: 'instant: tidspunkt med tidszone; date: ÅÅÅÅ-MM-DD; list: en liste.' })
  kind!: FieldKind;
  @BooleanView() required!: boolean;
  @TextListView({ optional: true, description: 'De tilladte værdier (kind=choice).' }) choices?: string[];
  @NestedView([DecisionFieldView], { optional: true, description: 'Felterne i hvert element (kind=list).' })
  items?: DecisionFieldView[];
}

/** A decision the user may take on the case now: the page renders its form from this, and only this. */
export class AvailableDecisionView {
  @TextView({ description: 'Beslutningens navn: POST /api/<sagstype>/<id>/<name>.' }) name!: string;
  @TextView({ description: 'Beslutningen på dansk.' }) label!: string;
  @TextView({ nullable: true, description: 'Det åbne trin, beslutningen afslutter.' }) completesStep!: string | null;
  @NestedView([DecisionFieldView]) fields!: DecisionFieldView[];
}

const MODEL_PROPERTIES = 'swagger/apiModelProperties';
const SCALAR_TYPES: unknown[] = [String, Number, Boolean];
const MODEL_PROPERTY_NAMES = 'swagger/apiModelPropertiesArray';

interface PropertyMetadata {
  type?: unknown;
  enum?: string[];
  pattern?: string;
  required?: boolean;
  isArray?: boolean;
}

/** The fields of a body class, from the OpenAPI metadata its field decorators wrote. */
export function fieldsOf(body: new () => object): DecisionFieldView[] {
  const names: string[] = Reflect.getMetadata(MODEL_PROPERTY_NAMES, body.prototype) ?? [];
  return names.map((entry) => {
    const name = entry.replace(/^:/, '');
    const metadata: PropertyMetadata = Reflect.getMetadata(MODEL_PROPERTIES, body.prototype, name) ?? {};
    const field: DecisionFieldView = { name, kind: kindOf(metadata), required: metadata.required !== false };
    if (metadata.enum) field.choices = [...metadata.enum];
    // A list of objects: `type` is the item's class (a list of texts has String).
    if (metadata.isArray && typeof metadata.type === 'function' && !SCALAR_TYPES.includes(metadata.type)) {
      field.items = fieldsOf(metadata.type as new () => object);
    }
    return field;
  });
}

function kindOf(metadata: PropertyMetadata): FieldKind {
  if (metadata.isArray) return 'list';
  if (metadata.enum) return 'choice';
  if (metadata.type === Boolean || metadata.type === 'boolean') return 'boolean';
  if (metadata.type === 'integer') return 'integer';
  if (metadata.type === Number || metadata.type === 'number') return 'number';
  if (metadata.pattern === INSTANT_PATTERN) return 'instant';
  if (metadata.pattern === DATE_PATTERN) return 'date';
  return 'text';
}

/**
 * The decisions a case detail lists: those of the case type's table that its state admits, that the user's
 * role may take, on a case the user may change now (`decidable`: write access, not held for operations), or
 * may only read where the decision allows it — each with the fields of its route's body.
 */
export function availableDecisionsOf<Facts extends { status: string }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the slice's state and inputs do not matter here
  slice: CaseSlice<any, any, Facts>,
  facts: Facts,
  user: AuthenticatedUser,
  decidable: boolean,
  /** Not held for operations: a decision that read access suffices for may be taken (readAccessSuffices). */
  answerable = false,
): AvailableDecisionView[] {
  const can = { permissions: permissionsOf(user.role), writable: decidable, readable: answerable };
  return availableDecisions(slice.decisions, facts, can).map((decision) => ({
    ...decision,
    fields: slice.routes[decision.name].fields.map((field) => ({ ...field })),
  }));
}
