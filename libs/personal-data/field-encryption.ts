/**
 * Encryption of single database fields at rest with AES-256-GCM.
 *
 * Envelope: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url, no padding; 12-byte IV, 16-byte tag).
 * `associatedData` (e.g. `persons.cpr`) is authenticated, so a ciphertext copied into another column
 * does not decrypt. Errors never contain plaintext or key material.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

interface Envelope {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function activeKey(keyring: Keyring): Buffer {
  const key = keyring.keys.get(keyring.activeKeyId);
  if (!key) throw new Error(`The active encryption key '${keyring.activeKeyId}' is not in the keyring.`);
  return key;
}

function parseEnvelope(envelope: string): Envelope {
  const malformed = () => new Error('Encrypted field is malformed: expected v1.<keyId>.<iv>.<tag>.<ciphertext>.');
  const parts = envelope.split('.');
  if (parts.length !== 5) throw malformed();
  const [version, keyId, iv, tag, ciphertext] = parts;
  if (version !== VERSION || !KEY_ID_PATTERN.test(keyId)) throw malformed();
  if (![iv, tag, ciphertext].every((part) => BASE64URL_PATTERN.test(part))) throw malformed();
  const parsed = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) throw malformed();
  // Only the canonical spelling is accepted, so unused trailing bits cannot vary.
  if (parsed.tag.toString('base64url') !== tag || parsed.ciphertext.toString('base64url') !== ciphertext) {
    throw malformed();
  }
  return parsed;
}

export function encryptField(plaintext: string, keyring: Keyring, associatedData: string): string {
  return encryptBytes(Buffer.from(plaintext, 'utf8'), keyring, associatedData);
}

/** The same envelope around bytes (a document's contents): encrypted with the active key, its id kept. */
export function encryptBytes(plaintext: Buffer, keyring: Keyring, associatedData: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, activeKey(keyring), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyring.activeKeyId, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** Decrypts with the key named in the envelope, so envelopes written under a rotated-out key still read. */
export function decryptField(envelope: string, keyring: Keyring, associatedData: string): string {
  return decryptBytes(envelope, keyring, associatedData).toString('utf8');
}

/** The bytes of an envelope made by {@link encryptBytes} (or {@link encryptField}). */
export function decryptBytes(envelope: string, keyring: Keyring, associatedData: string): Buffer {
  const { keyId, iv, tag, ciphertext } = parseEnvelope(envelope);
  const key = keyring.keys.get(keyId);
  if (!key) throw new Error(`Cannot decrypt ${associatedData}: unknown encryption key id '${keyId}'.`);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new Error(
      `Cannot decrypt ${associatedData} with key '${keyId}': authentication failed (wrong key, wrong field or altered data).`,
    );
  }
}

export function keyIdOf(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

/** HMAC-SHA256 (hex) of an already normalized value, to find a record again without decrypting. */
export function lookupHash(value: string, hmacKey: Buffer): string {
  return createHmac('sha256', hmacKey).update(value, 'utf8').digest('hex');
}
