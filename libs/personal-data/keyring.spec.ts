import { parseKeyring, parseSecret } from './keyring';

const keyA = Buffer.alloc(32, 0xa1);
const keyB = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const b64 = (bytes: Buffer) => bytes.toString('base64');
const SETTING = 'FIELD_ENCRYPTION_KEYS';

describe('parseKeyring', () => {
  it('parses one key', () => {
    const keyring = parseKeyring(`k1:${b64(keyA)}`, 'k1', SETTING);
    expect(keyring.activeKeyId).toBe('k1');
    expect([...keyring.keys.keys()]).toEqual(['k1']);
    expect(keyring.keys.get('k1')).toEqual(keyA);
  });

  it('parses several keys, tolerating spaces around entries and unpadded base64', () => {
    const unpadded = b64(keyB).replace(/=+$/, '');
    const keyring = parseKeyring(` 2025-01:${b64(keyA)} , Key_2026:${unpadded}`, 'Key_2026', SETTING);
    expect(keyring.activeKeyId).toBe('Key_2026');
    expect([...keyring.keys.keys()]).toEqual(['2025-01', 'Key_2026']);
    expect(keyring.keys.get('2025-01')).toEqual(keyA);
    expect(keyring.keys.get('Key_2026')).toEqual(keyB);
  });

  it('accepts a key id of 32 characters and refuses one of 33', () => {
    const id32 = 'a'.repeat(32);
    expect(parseKeyring(`${id32}:${b64(keyA)}`, id32, SETTING).keys.has(id32)).toBe(true);
    expect(() => parseKeyring(`${'a'.repeat(33)}:${b64(keyA)}`, 'a', SETTING)).toThrow(
      "FIELD_ENCRYPTION_KEYS: entry 1 is not of the form id:base64key (id of 1–32 letters, digits, '_' or '-').",
    );
  });

  it.each(['', '   '])('refuses an empty setting %j', (setting) => {
    expect(() => parseKeyring(setting, 'k1', SETTING)).toThrow(
      'FIELD_ENCRYPTION_KEYS is empty: give at least one key as id:base64key.',
    );
  });

  it.each([
    [`k1${b64(keyA)}`, 1],
    [`:${b64(keyA)}`, 1],
    ['k1:', 1],
    [`k1:${b64(keyA)},`, 2],
    [`k1:${b64(keyA)},,k2:${b64(keyB)}`, 2],
    [`k1:${b64(keyA)},k.2:${b64(keyB)}`, 2],
    [`k1:${b64(keyA)},k 2:${b64(keyB)}`, 2],
  ])('refuses the malformed setting %j, naming entry %d', (setting, entry) => {
    expect(() => parseKeyring(setting, 'k1', SETTING)).toThrow(
      `FIELD_ENCRYPTION_KEYS: entry ${entry} is not of the form id:base64key`,
    );
  });

  it('refuses a duplicate key id', () => {
    expect(() => parseKeyring(`k1:${b64(keyA)},k1:${b64(keyB)}`, 'k1', SETTING)).toThrow(
      "FIELD_ENCRYPTION_KEYS: key id 'k1' appears more than once.",
    );
  });

  it.each([
    ['a space inside', `${b64(keyA).slice(0, 10)} ${b64(keyA).slice(10)}`],
    // 0xfb bytes encode as '+/v7…': base64url would spell them '-_v7…'.
    ['base64url characters', b64(Buffer.alloc(32, 0xfb)).replace(/\+/g, '-').replace(/\//g, '_')],
    ['a stray character', `${b64(keyA)}!`],
    ['padding in the middle', `AAAA=${b64(keyA)}`],
  ])('refuses a key with %s as invalid base64', (_label, encoded) => {
    expect(() => parseKeyring(`k1:${encoded}`, 'k1', SETTING)).toThrow(
      "FIELD_ENCRYPTION_KEYS: key 'k1' is not valid base64.",
    );
  });

  it.each([
    [31, Buffer.alloc(31, 7)],
    [33, Buffer.alloc(33, 7)],
    [16, Buffer.alloc(16, 7)],
  ])('refuses a key of %d bytes', (length, key) => {
    expect(() => parseKeyring(`k1:${b64(keyA)},k2:${b64(key)}`, 'k1', SETTING)).toThrow(
      `FIELD_ENCRYPTION_KEYS: key 'k2' is ${length} bytes; it must be exactly 32 bytes.`,
    );
  });

  it('refuses an active key id that is not among the keys', () => {
    expect(() => parseKeyring(`k1:${b64(keyA)},k2:${b64(keyB)}`, 'k3', SETTING)).toThrow(
      "FIELD_ENCRYPTION_KEYS: the active key id 'k3' is not among the keys (k1, k2).",
    );
    expect(() => parseKeyring(`k1:${b64(keyA)}`, '', SETTING)).toThrow(
      "FIELD_ENCRYPTION_KEYS: the active key id '' is not among the keys (k1).",
    );
  });

  it('never puts key material into an error message', () => {
    const secret = b64(Buffer.alloc(31, 0x5c));
    let message = '';
    try {
      parseKeyring(`k1:${secret}`, 'k1', SETTING);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("FIELD_ENCRYPTION_KEYS: key 'k1' is 31 bytes; it must be exactly 32 bytes.");
    expect(message).not.toContain(secret);
  });
});

describe('parseSecret', () => {
  it('decodes a base64 secret of 32 bytes or more', () => {
    expect(parseSecret(b64(keyA), 'CPR_LOOKUP_KEY')).toEqual(keyA);
    const long = Buffer.alloc(64, 3);
    expect(parseSecret(` ${b64(long)}\n`, 'CPR_LOOKUP_KEY')).toEqual(long);
  });

  it('refuses an empty secret', () => {
    expect(() => parseSecret('', 'CPR_LOOKUP_KEY')).toThrow(
      'CPR_LOOKUP_KEY is empty: give a base64 secret of at least 32 bytes.',
    );
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => parseSecret(b64(Buffer.alloc(31, 1)), 'CPR_LOOKUP_KEY')).toThrow(
      'CPR_LOOKUP_KEY is 31 bytes; it must be at least 32 bytes.',
    );
  });

  it('refuses a secret that is not base64', () => {
    expect(() => parseSecret('not base64 at all!', 'CPR_LOOKUP_KEY')).toThrow('CPR_LOOKUP_KEY is not valid base64.');
  });
});
