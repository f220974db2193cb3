/**
 * Encryption keys read from configuration. Error messages name the setting and key ids, never key material.
 */
export interface Keyring {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export const KEY_LENGTH_BYTES = 32;

const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

/** Strict standard base64 (padding optional); `undefined` for anything Buffer would silently skip or truncate. */
function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64_PATTERN.test(text) || text.replace(/=+$/, '').length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Re-encoding catches non-zero trailing bits and misplaced padding.
  return bytes.toString('base64').replace(/=+$/, '') === text.replace(/=+$/, '') ? bytes : undefined;
}

/** Parses `id1:base64key,id2:base64key` (each key 32 bytes) and checks that `activeKeyId` is among them. */
export function parseKeyring(keysSetting: string, activeKeyId: string, settingName: string): Keyring {
  if (keysSetting.trim() === '') throw new Error(`${settingName} is empty: give at least one key as id:base64key.`);
  const keys = new Map<string, Buffer>();
  keysSetting.split(',').forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const separator = entry.indexOf(':');
    const id = separator < 0 ? '' : entry.slice(0, separator);
    const encoded = separator < 0 ? '' : entry.slice(separator + 1);
    if (!KEY_ID_PATTERN.test(id) || encoded === '') {
      throw new Error(
        `${settingName}: entry ${index + 1} is not of the form id:base64key (id of 1–32 letters, digits, '_' or '-').`,
      );
    }
    if (keys.has(id)) throw new Error(`${settingName}: key id '${id}' appears more than once.`);
    const key = decodeBase64(encoded);
    if (!key) throw new Error(`${settingName}: key '${id}' is not valid base64.`);
    if (key.length !== KEY_LENGTH_BYTES) {
      throw new Error(
        `${settingName}: key '${id}' is ${key.length} bytes; it must be exactly ${KEY_LENGTH_BYTES} bytes.`,
      );
    }
    keys.set(id, key);
  });
  if (!keys.has(activeKeyId)) {
    throw new Error(
      `${settingName}: the active key id '${activeKeyId}' is not among the keys (${[...keys.keys()].join(', ')}).`,
    );
  }
  return { activeKeyId, keys };
}

/** A base64 secret of at least 32 bytes (e.g. an HMAC key). */
export function parseSecret(value: string, settingName: string): Buffer {
  const trimmed = value.trim();
  if (trimmed === '')
    throw new Error(`${settingName} is empty: give a base64 secret of at least ${KEY_LENGTH_BYTES} bytes.`);
  const secret = decodeBase64(trimmed);
  if (!secret) throw new Error(`${settingName} is not valid base64.`);
  if (secret.length < KEY_LENGTH_BYTES) {
    throw new Error(`${settingName} is ${secret.length} bytes; it must be at least ${KEY_LENGTH_BYTES} bytes.`);
  }
  return secret;
}
