/** A UUID (any version, either case), as the read model stores ids: the one check for every id the API takes. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text can be an id: anything else names nothing (and would not be a valid `uuid` in SQL). */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
