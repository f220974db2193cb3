/**
 * DEMO SECRETS — published in this repository, so they protect nothing. They let `npm start` and the
 * tests run with no setup; {@link assertNoDemoSecretsInProduction} refuses to start with any of them
 * when NODE_ENV=production. Real deployments set every variable named here.
 */
export const DEMO_SECRETS = Object.freeze({
  /** AUTH_SIGNING_KEY: ES256 (P-256) private key, PKCS#8 PEM, signing tokens of the local login. */
  authSigningKey: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgyNZW0v+/d4A2Yo8n
mSdymFcc/XFvHKXocBm7uG9g8P2hRANCAAQWrAr3ixMSRC8AMUEGPgBs3A92LSxA
mMdPX6p5wjVaxFfiaSZssHJhiLvbLQuGO3Ohh4aXnTC+J4TGsuKkkl+I
-----END PRIVATE KEY-----`,
  /** PERSONAL_DATA_KEYS / PERSONAL_DATA_ACTIVE_KEY_ID: AES-256-GCM keys for names and CPR numbers at rest. */
  personalDataKeys: 'demo1:6infnS++ClpsPcz9G+2W3rGA+8czV5SEOpqnilNyssU=',
  personalDataActiveKeyId: 'demo1',
  /** PERSONAL_DATA_HMAC_KEY: keyed hash to find a person by CPR number without decrypting. */
  personalDataHmacKey: '3FQelsPcZSy4qzEqSU4J5Qcg1D1nA1/LtzKjPoOava4=',
  /** TEMPORAL_CODEC_KEYS / TEMPORAL_CODEC_ACTIVE_KEY_ID: AES-256-GCM keys of the Temporal payload codec. */
  temporalCodecKeys: 'demo1:LDJRwbVdvSYb1fcOXwXH/SFSK1hiwcj4h5rvva54uwM=',
  temporalCodecActiveKeyId: 'demo1',
  /** Password of every demo user (README lists them). */
  demoUserPassword: 'exitflow-demo',
});
