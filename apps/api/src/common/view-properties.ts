import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Property decorators for the API's answers: the OpenAPI document describes each answer from the very
 * class the code returns, so a field's type, format and nullability are stated once, beside the field.
 * `optional`: the field is left out when it has no value (otherwise it is always there, possibly null).
 */
interface ViewOptions {
  description?: string;
  nullable?: boolean;
  optional?: boolean;
}

function view(schema: ApiPropertyOptions, { description, nullable, optional }: ViewOptions): PropertyDecorator {
  return ApiProperty({
    ...schema,
    ...(description ? { description } : {}),
    ...(nullable ? { nullable: true } : {}),
    required: !optional,
  } as ApiPropertyOptions);
}

export const TextView = (options: ViewOptions = {}) => view({ type: String }, options);
export const IdView = (options: ViewOptions = {}) => view({ type: String, format: 'uuid' }, options);
export const MomentView = (options: ViewOptions = {}) => view({ type: String, format: 'date-time' }, options);
export const DateView = (options: ViewOptions = {}) => view({ type: String, format: 'date' }, options);
export const IntegerView = (options: ViewOptions = {}) => view({ type: 'integer' }, options);
export const NumberView = (options: ViewOptions = {}) => view({ type: Number }, options);
export const BooleanView = (options: ViewOptions = {}) => view({ type: Boolean }, options);
export const ChoiceView = (values: readonly string[], options: ViewOptions = {}) =>
  view({ type: String, enum: [...values] }, options);
export const TextListView = (options: ViewOptions = {}) => view({ type: [String] }, options);
export const ChoiceListView = (values: readonly string[], options: ViewOptions = {}) =>
  view({ type: String, enum: [...values], isArray: true }, options);
/** An object of one of the view classes, or a list of them (`[Class]`). */
export const NestedView = (type: (new () => object) | [new () => object], options: ViewOptions = {}) =>
  view({ type }, options);
/** A free-form object (`details` of a history entry: the event's own facts). */
export const ObjectView = (options: ViewOptions = {}) => view({ type: 'object', additionalProperties: true }, options);
/** An object whose keys are codes and whose values are of one type (the readiness checklist). */
export const MapView = (values: 'boolean' | 'integer' | 'string', options: ViewOptions = {}) =>
  view({ type: 'object', additionalProperties: { type: values } }, options);

/** A unit as the API names it: its code and its Danish name. */
export class UnitRefView {
  @TextView({ description: 'Enhedens kode, fx KF-STORSTROEM.' }) code!: string;
  @TextView({ description: 'Enhedens navn.' }) name!: string;
}

/** The page fields of every list (`?page=&pageSize=`). */
export class PageView {
  @IntegerView() page!: number;
  @IntegerView() pageSize!: number;
  @IntegerView({ description: 'Antal i alt, på alle sider.' }) total!: number;
}

/** A page of items of one view class; extend it with the page's own name (`class ExitCourseSummaryPage extends PageOf(…)`). */
export function PageOf<Item extends new () => object>(item: Item) {
  class ItemPage extends PageView {
    @NestedView([item]) items!: InstanceType<Item>[];
  }
  Object.defineProperty(ItemPage, 'name', { value: `${item.name.replace(/View$/, '')}PageBase` });
  return ItemPage;
}
