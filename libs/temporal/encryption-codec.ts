/**
 * Temporal payload codec encrypting every payload with AES-256-GCM (after temporalio/samples-typescript
 * `encryption`). The whole original Payload, metadata included, is serialized and encrypted, so the
 * server and its history store see neither values nor their encodings.
 *
 * Encrypted payload: metadata `encoding: binary/encrypted`, `encryption-key-id: <id>`;
 * data = IV (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import { decode, encode } from '@temporalio/common/lib/encoding';
import { temporal } from '@temporalio/proto';
import type { Keyring } from '../personal-data/keyring';
import { UNENCRYPTED_PAYLOAD_MARKER } from './unencrypted-payload';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_ENCRYPTION_KEY_ID = 'encryption-key-id';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Separates payload ciphertexts from field ciphertexts should the same key ever serve both.
const ASSOCIATED_DATA = Buffer.from('temporal.payload.v1', 'utf8');

/**
 * What decoding does with a payload that is not encrypted (it did not come from a client holding the key):
 * - `refuse` (API client): throws.
 * - `mark` (worker): replaces it by {@link UNENCRYPTED_PAYLOAD_MARKER}, which the workflow refuses; a
 *   throw here would fail the workflow task again and again and wedge the case.
 * - `pass-through` (the codec endpoint, display only): leaves it as it is.
 */
export type UnencryptedPayloads = 'refuse' | 'mark' | 'pass-through';

const MARKER_PAYLOAD: Payload = {
  metadata: { [METADATA_ENCODING_KEY]: encode('json/plain') },
  data: encode(JSON.stringify({ [UNENCRYPTED_PAYLOAD_MARKER]: true })),
};

export class EncryptionCodec implements PayloadCodec {
  constructor(
    private readonly keyring: Keyring,
    private readonly unencrypted: UnencryptedPayloads = 'refuse',
  ) {
    if (!keyring.keys.has(keyring.activeKeyId)) {
      throw new Error(`The active payload encryption key '${keyring.activeKeyId}' is not in the keyring.`);
    }
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const { activeKeyId } = this.keyring;
    const key = this.keyring.keys.get(activeKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(ASSOCIATED_DATA);
    const plaintext = temporal.api.common.v1.Payload.encode(payload).finish();
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: encode(ENCRYPTED_ENCODING),
        [METADATA_ENCRYPTION_KEY_ID]: encode(activeKeyId),
      },
      data: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]),
    };
  }

  private decrypt(payload: Payload): Payload {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    if (!encoding || decode(encoding) !== ENCRYPTED_ENCODING) {
      if (this.unencrypted === 'pass-through') return payload;
      if (this.unencrypted === 'mark') return MARKER_PAYLOAD;
      throw new ValueError('Refused a payload that is not encrypted: it did not come from a client holding the key.');
    }

    const keyIdBytes = payload.metadata?.[METADATA_ENCRYPTION_KEY_ID];
    if (!keyIdBytes) throw new ValueError('Encrypted payload has no encryption key id.');
    const keyId = decode(keyIdBytes);
    const key = this.keyring.keys.get(keyId);
    if (!key) throw new ValueError(`Cannot decrypt payload: unknown encryption key id '${keyId}'.`);
    const data = payload.data;
    if (!data || data.length < IV_BYTES + TAG_BYTES)
      throw new ValueError('Encrypted payload data is missing or too short.');

    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(ASSOCIATED_DATA);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    let plaintext: Buffer;
    try {
      plaintext = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new ValueError(
        `Cannot decrypt payload with key '${keyId}': authentication failed (wrong key or altered data).`,
      );
    }
    return temporal.api.common.v1.Payload.decode(plaintext);
  }
}
