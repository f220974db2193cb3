/**
 * A blind index of names: a name is split into normalized tokens, and each token is stored only as a keyed
 * hash, so a person can be found by name without decrypting every name and without the database holding
 * one. The key is derived from the personal-data HMAC key for this purpose alone (HKDF), so a token hash
 * never equals the CPR lookup hash of the same text.
 */
import { createHmac, hkdfSync } from 'node:crypto';

const NAME_TOKEN_KEY_INFO = 'exitflow person-name-tokens v1';

/** The shortest name a search takes (after normalizing): a single letter finds too many. */
export const MIN_SEARCH_NAME_LENGTH = 2;

/** Other spellings of the Danish letters, folded onto them (Jörgensen finds Jørgensen). */
const DANISH_EQUIVALENTS: Record<string, string> = { ä: 'æ', ö: 'ø', ǿ: 'ø' };
const DANISH_LETTERS = new Set(['æ', 'ø', 'å']);

function foldCharacter(character: string): string {
  if (DANISH_LETTERS.has(character)) return character;
  if (DANISH_EQUIVALENTS[character]) return DANISH_EQUIVALENTS[character];
  return character.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A name's tokens: lower case, æ/ø/å kept, other diacritics folded (é → e), split at anything that is not
 * a letter or digit (spaces, hyphens, apostrophes), each token once.
 */
export function nameTokens(name: string): string[] {
  const folded = [...name.normalize('NFC').toLowerCase()].map(foldCharacter).join('');
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

/** The key of the name index, derived from the personal-data HMAC key. */
export function nameTokenKey(hmacKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', hmacKey, Buffer.alloc(0), NAME_TOKEN_KEY_INFO, 32));
}

/** The keyed hashes (HMAC-SHA256, hex) of a name's tokens. */
export function nameTokenHashes(name: string, tokenKey: Buffer): string[] {
  return nameTokens(name).map((token) => createHmac('sha256', tokenKey).update(token, 'utf8').digest('hex'));
}
