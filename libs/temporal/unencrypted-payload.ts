/**
 * What the worker's payload codec hands the workflow in place of a payload that was not encrypted (it did
 * not come from a client holding the key). Failing to decode would fail the workflow task over and over
 * and wedge the case; the marker lets the workflow refuse the message cleanly instead. Pure: workflows
 * import it.
 */
export const UNENCRYPTED_PAYLOAD_MARKER = 'exitflowUnencryptedPayload';

export function isUnencryptedPayloadMarker(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)[UNENCRYPTED_PAYLOAD_MARKER] === true
  );
}
