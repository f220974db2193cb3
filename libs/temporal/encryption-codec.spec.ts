import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { decode, encode } from '@temporalio/common/lib/encoding';
import { temporal } from '@temporalio/proto';
import type { Keyring } from '../personal-data/keyring';
import { ENCRYPTED_ENCODING, EncryptionCodec, METADATA_ENCRYPTION_KEY_ID } from './encryption-codec';

const keyA = Buffer.alloc(32, 0xa1);
const keyB = Buffer.alloc(32, 0xb2);
const onlyA: Keyring = { activeKeyId: 'A', keys: new Map([['A', keyA]]) };
const rotatedToB: Keyring = {
  activeKeyId: 'B',
  keys: new Map([
    ['A', keyA],
    ['B', keyB],
  ]),
};
const onlyB: Keyring = { activeKeyId: 'B', keys: new Map([['B', keyB]]) };

const person = { name: 'Hans Hansen', cpr: '0101901234' };
const personPayload = () => defaultPayloadConverter.toPayload(person) as Payload;

const bytes = (data: Uint8Array | null | undefined) => Buffer.from(data ?? new Uint8Array());

async function encodeOne(codec: EncryptionCodec, payload: Payload): Promise<Payload> {
  const encoded = await codec.encode([payload]);
  expect(encoded).toHaveLength(1);
  return encoded[0];
}

describe('EncryptionCodec', () => {
  it('round-trips payloads, keeping their original metadata', async () => {
    const codec = new EncryptionCodec(onlyA);
    const originals = [personPayload(), defaultPayloadConverter.toPayload(undefined) as Payload];
    const decoded = await codec.decode(await codec.encode(originals));

    expect(decoded).toHaveLength(2);
    expect(defaultPayloadConverter.fromPayload(decoded[0])).toEqual(person);
    expect(decoded[0].metadata?.[METADATA_ENCODING_KEY] && decode(decoded[0].metadata[METADATA_ENCODING_KEY])).toBe(
      'json/plain',
    );
    expect(bytes(decoded[0].data)).toEqual(bytes(originals[0].data));
    expect(decoded[1].metadata?.[METADATA_ENCODING_KEY] && decode(decoded[1].metadata[METADATA_ENCODING_KEY])).toBe(
      'binary/null',
    );
    expect(defaultPayloadConverter.fromPayload(decoded[1])).toBeUndefined();
  });

  it('handles an empty list', async () => {
    const codec = new EncryptionCodec(onlyA);
    expect(await codec.encode([])).toEqual([]);
    expect(await codec.decode([])).toEqual([]);
  });

  it('marks encrypted payloads with the encoding and key id, and hides the content', async () => {
    const original = personPayload();
    expect(bytes(original.data).includes('Hans Hansen')).toBe(true);

    const encoded = await encodeOne(new EncryptionCodec(onlyA), original);
    expect(Object.keys(encoded.metadata ?? {}).sort()).toEqual([METADATA_ENCODING_KEY, METADATA_ENCRYPTION_KEY_ID]);
    expect(decode(encoded.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(ENCRYPTED_ENCODING).toBe('binary/encrypted');
    expect(decode(encoded.metadata![METADATA_ENCRYPTION_KEY_ID])).toBe('A');

    const data = bytes(encoded.data);
    expect(data.includes('Hans Hansen')).toBe(false);
    expect(data.includes('0101901234')).toBe(false);
    expect(data.includes('json/plain')).toBe(false);
    // IV (12) + serialized payload + tag (16); AES-GCM does not pad.
    const serialized = temporal.api.common.v1.Payload.encode(original).finish();
    expect(serialized.length).toBe(67);
    expect(data.length).toBe(12 + 67 + 16);
  });

  it('gives different ciphertexts for the same payload (random IV)', async () => {
    const codec = new EncryptionCodec(onlyA);
    const [first, second] = await codec.encode([personPayload(), personPayload()]);
    expect(bytes(first.data).equals(bytes(second.data))).toBe(false);
    expect(bytes(first.data).subarray(0, 12).equals(bytes(second.data).subarray(0, 12))).toBe(false);
  });

  it('refuses unencrypted payloads by default (a client without the key cannot inject them)', async () => {
    const codec = new EncryptionCodec(onlyA);
    await expect(codec.decode([personPayload()])).rejects.toThrow(
      'Refused a payload that is not encrypted: it did not come from a client holding the key.',
    );
  });

  it('marks unencrypted payloads for the workflow to refuse when asked to (the worker)', async () => {
    const [marked] = await new EncryptionCodec(onlyA, 'mark').decode([personPayload()]);
    expect(defaultPayloadConverter.fromPayload(marked)).toEqual({ exitflowUnencryptedPayload: true });
  });

  it('passes unencrypted payloads through unchanged when asked to (display in the Temporal UI)', async () => {
    const codec = new EncryptionCodec(onlyA, 'pass-through');
    const plain = personPayload();
    const noMetadata: Payload = { data: encode('raw') };
    const [first, second] = await codec.decode([plain, noMetadata]);
    expect(first).toBe(plain);
    expect(second).toBe(noMetadata);
  });

  it('decodes payloads encrypted with a rotated-out key and encrypts new ones with the active key', async () => {
    const underA = await encodeOne(new EncryptionCodec(onlyA), personPayload());
    const rotated = new EncryptionCodec(rotatedToB);
    const [decoded] = await rotated.decode([underA]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(person);

    const underB = await encodeOne(rotated, personPayload());
    expect(decode(underB.metadata![METADATA_ENCRYPTION_KEY_ID])).toBe('B');
    const [decodedB] = await new EncryptionCodec(onlyB).decode([underB]);
    expect(defaultPayloadConverter.fromPayload(decodedB)).toEqual(person);
  });

  it('refuses an unknown key id, naming it', async () => {
    const underA = await encodeOne(new EncryptionCodec(onlyA), personPayload());
    await expect(new EncryptionCodec(onlyB).decode([underA])).rejects.toThrow(
      "Cannot decrypt payload: unknown encryption key id 'A'.",
    );
  });

  it.each([
    ['IV', 0],
    ['ciphertext', 20],
    ['tag', -1],
  ])('refuses a payload whose %s was altered', async (_part, position) => {
    const codec = new EncryptionCodec(onlyA);
    const encoded = await encodeOne(codec, personPayload());
    const data = Buffer.from(bytes(encoded.data));
    data[position < 0 ? data.length + position : position] ^= 0x01;
    await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow(
      "Cannot decrypt payload with key 'A': authentication failed (wrong key or altered data).",
    );
  });

  it('refuses a payload relabelled with another key id', async () => {
    const encoded = await encodeOne(new EncryptionCodec(onlyA), personPayload());
    const relabelled: Payload = {
      ...encoded,
      metadata: { ...encoded.metadata, [METADATA_ENCRYPTION_KEY_ID]: encode('B') },
    };
    await expect(new EncryptionCodec(rotatedToB).decode([relabelled])).rejects.toThrow(
      "Cannot decrypt payload with key 'B': authentication failed (wrong key or altered data).",
    );
  });

  it('refuses an encrypted payload without key id or with too little data', async () => {
    const codec = new EncryptionCodec(onlyA);
    const encoded = await encodeOne(codec, personPayload());
    await expect(
      codec.decode([{ metadata: { [METADATA_ENCODING_KEY]: encode(ENCRYPTED_ENCODING) }, data: encoded.data }]),
    ).rejects.toThrow('Encrypted payload has no encryption key id.');
    await expect(codec.decode([{ ...encoded, data: bytes(encoded.data).subarray(0, 27) }])).rejects.toThrow(
      'Encrypted payload data is missing or too short.',
    );
    await expect(codec.decode([{ metadata: encoded.metadata }])).rejects.toThrow(
      'Encrypted payload data is missing or too short.',
    );
  });

  it('refuses a keyring whose active key is missing', () => {
    expect(() => new EncryptionCodec({ activeKeyId: 'C', keys: new Map([['A', keyA]]) })).toThrow(
      "The active payload encryption key 'C' is not in the keyring.",
    );
  });
});
