import { createHmac } from 'node:crypto';
import { decryptField, encryptField, keyIdOf, lookupHash } from './field-encryption';
import type { Keyring } from './keyring';

const keyA = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
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
const AAD = 'persons.cpr';

const AUTH_FAILED =
  "Cannot decrypt persons.cpr with key 'A': authentication failed (wrong key, wrong field or altered data).";
const MALFORMED = 'Encrypted field is malformed: expected v1.<keyId>.<iv>.<tag>.<ciphertext>.';

/** Flips one bit in part `index` (2 = iv, 3 = tag, 4 = ciphertext) of an envelope. */
function tamper(envelope: string, index: number): string {
  const parts = envelope.split('.');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[0] ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('encryptField / decryptField', () => {
  it('round-trips text, including non-ASCII and the empty string', () => {
    for (const text of ['0101901234', 'Søren Ærø Øster', '', 'x'.repeat(10_000)]) {
      expect(decryptField(encryptField(text, onlyA, AAD), onlyA, AAD)).toBe(text);
    }
  });

  it('writes a v1 envelope with the active key id, a 12-byte IV and a 16-byte tag', () => {
    const envelope = encryptField('0101901234', onlyA, AAD);
    const parts = envelope.split('.');
    expect(parts).toHaveLength(5);
    expect(parts.slice(0, 2)).toEqual(['v1', 'A']);
    expect(parts.slice(2).every((part) => /^[A-Za-z0-9_-]+$/.test(part))).toBe(true);
    expect(Buffer.from(parts[2], 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[3], 'base64url')).toHaveLength(16);
    expect(Buffer.from(parts[4], 'base64url')).toHaveLength(10); // GCM adds no padding
    expect(envelope).not.toContain('0101901234');
  });

  it('decrypts a known envelope made independently (Python cryptography AESGCM)', () => {
    // key = bytes 0..31, iv = bytes 100..111, AAD 'persons.cpr', plaintext '0101901234'.
    expect(decryptField('v1.A.ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvjMg.eCruV0DZZ6wNVg', onlyA, AAD)).toBe('0101901234');
  });

  it('gives different envelopes for the same text (random IV)', () => {
    const first = encryptField('0101901234', onlyA, AAD);
    const second = encryptField('0101901234', onlyA, AAD);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]);
  });

  it.each([
    ['iv', 2],
    ['tag', 3],
    ['ciphertext', 4],
  ])('refuses an envelope whose %s was altered', (_part, index) => {
    const envelope = encryptField('0101901234', onlyA, AAD);
    expect(decryptField(envelope, onlyA, AAD)).toBe('0101901234');
    expect(() => decryptField(tamper(envelope, index), onlyA, AAD)).toThrow(AUTH_FAILED);
  });

  it('refuses a ciphertext moved to another column', () => {
    const envelope = encryptField('0101901234', onlyA, AAD);
    expect(() => decryptField(envelope, onlyA, 'persons.name')).toThrow(
      "Cannot decrypt persons.name with key 'A': authentication failed (wrong key, wrong field or altered data).",
    );
  });

  it('refuses an envelope relabelled with another key id', () => {
    const envelope = encryptField('0101901234', onlyA, AAD).replace(/^v1\.A\./, 'v1.B.');
    expect(() => decryptField(envelope, rotatedToB, AAD)).toThrow(
      "Cannot decrypt persons.cpr with key 'B': authentication failed (wrong key, wrong field or altered data).",
    );
  });

  it('keeps old envelopes readable after rotation and writes new ones with the new key', () => {
    const underA = encryptField('0101901234', onlyA, AAD);
    expect(decryptField(underA, rotatedToB, AAD)).toBe('0101901234');
    const underB = encryptField('0101901234', rotatedToB, AAD);
    expect(keyIdOf(underB)).toBe('B');
    expect(decryptField(underB, rotatedToB, AAD)).toBe('0101901234');
    expect(decryptField(underB, onlyB, AAD)).toBe('0101901234');
    expect(() => decryptField(underB, onlyA, AAD)).toThrow(
      "Cannot decrypt persons.cpr: unknown encryption key id 'B'.",
    );
  });

  it('refuses an unknown key id, naming it', () => {
    const underA = encryptField('0101901234', onlyA, AAD);
    expect(() => decryptField(underA, onlyB, AAD)).toThrow(
      "Cannot decrypt persons.cpr: unknown encryption key id 'A'.",
    );
  });

  it.each([
    '',
    'plain text',
    '0101901234',
    'v2.A.ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvjMg.eCruV0DZZ6wNVg',
    'v1..ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvjMg.eCruV0DZZ6wNVg',
    'v1.A.ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvjMg',
    'v1.A.ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvjMg.eCruV0DZZ6wNVg.extra',
    'v1.A.ZGVmZ2hpamtsbW4.UIz7_xqiiE_IwEqUkDvjMg.eCruV0DZZ6wNVg', // 11-byte IV
    'v1.A.ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvj.eCruV0DZZ6wNVg', // 15-byte tag
    'v1.A.ZGVmZ2hpamtsbW5v.UIz7+xqiiE/IwEqUkDvjMg.eCruV0DZZ6wNVg', // standard base64, not base64url
    'v1.A.ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvjMh.eCruV0DZZ6wNVg', // non-canonical last character
    'v1.A.ZGVmZ2hpamtsbW5v.UIz7_xqiiE_IwEqUkDvjMg==.eCruV0DZZ6wNVg', // padding
  ])('refuses the malformed envelope %j', (envelope) => {
    expect(() => decryptField(envelope, onlyA, AAD)).toThrow(MALFORMED);
    expect(() => keyIdOf(envelope)).toThrow(MALFORMED);
  });

  it('never puts plaintext or key material into error messages', () => {
    const envelope = encryptField('0101901234', onlyA, AAD);
    const messages: string[] = [];
    for (const attempt of [
      () => decryptField(tamper(envelope, 4), onlyA, AAD),
      () => decryptField(envelope, onlyA, 'persons.name'),
      () => decryptField(envelope, onlyB, AAD),
    ]) {
      try {
        attempt();
      } catch (error) {
        messages.push((error as Error).message);
      }
    }
    expect(messages).toHaveLength(3);
    for (const message of messages) {
      expect(message).not.toContain('0101901234');
      expect(message).not.toContain(keyA.toString('base64'));
      expect(message).not.toContain(keyA.toString('hex'));
    }
  });
});

describe('keyIdOf', () => {
  it('reads the key id of an envelope', () => {
    expect(keyIdOf(encryptField('x', onlyA, AAD))).toBe('A');
    expect(keyIdOf(encryptField('x', rotatedToB, AAD))).toBe('B');
  });
});

describe('lookupHash', () => {
  it('matches an independently computed HMAC-SHA256 (openssl dgst -mac HMAC)', () => {
    // echo -n 0101901234 | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f
    expect(lookupHash('0101901234', keyA)).toBe('ec8ee9f1171562dc7ab8560142b9c1767eb5da8bffddaf89d58e89da3db166af');
    expect(lookupHash('0101901234', keyA)).toBe(createHmac('sha256', keyA).update('0101901234').digest('hex'));
  });

  it('is deterministic, differs per key and per value', () => {
    expect(lookupHash('0101901234', keyA)).toBe(lookupHash('0101901234', keyA));
    expect(lookupHash('0101901234', keyB)).not.toBe(lookupHash('0101901234', keyA));
    expect(lookupHash('0101901235', keyA)).not.toBe(lookupHash('0101901234', keyA));
    expect(lookupHash('0101901234', keyA)).toMatch(/^[0-9a-f]{64}$/);
  });
});
