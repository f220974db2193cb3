import { lookupHash } from './field-encryption';
import { nameTokenHashes, nameTokenKey, nameTokens } from './name-tokens';

const HMAC_KEY = Buffer.alloc(32, 7);

describe('nameTokens', () => {
  it('lower-cases, keeps æ, ø and å, folds other diacritics and splits at spaces, hyphens and apostrophes', () => {
    expect(nameTokens('  Søren ÅRBÆK-Hénriksen  ')).toEqual(['søren', 'årbæk', 'henriksen']);
    expect(nameTokens("Anne-Marie O'Hara")).toEqual(['anne', 'marie', 'o', 'hara']);
    expect(nameTokens('Jörgensen Mäller Müller')).toEqual(['jørgensen', 'mæller', 'muller']);
  });

  it('counts each token once and answers none for a name without letters or digits', () => {
    expect(nameTokens('Jens jens JENS')).toEqual(['jens']);
    expect(nameTokens(' - , ')).toEqual([]);
  });

  it('treats a decomposed å as å', () => {
    expect(nameTokens('Ha\u030Akon')).toEqual(['håkon']);
  });
});

describe('nameTokenHashes', () => {
  it('hashes equal tokens equally, with a key that is not the CPR lookup key', () => {
    const key = nameTokenKey(HMAC_KEY);
    expect(nameTokenHashes('Jens Hansen', key)).toEqual(nameTokenHashes('HANSEN, jens', key).reverse());
    expect(nameTokenHashes('jens', key)[0]).not.toBe(lookupHash('jens', HMAC_KEY));
    expect(nameTokenHashes('jens', key)[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
