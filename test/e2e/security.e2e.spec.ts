import { SignJWT } from 'jose';
import { createHash, createHmac, createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { DEMO_USERS } from '../../libs/access/demo-users';
import { hashPassword } from '../../libs/access/password-hashing';
import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { ENCRYPTED_ENCODING } from '../../libs/temporal/encryption-codec';
import { DAY_MS } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { http, startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

const TEMPORAL_UI = 'http://localhost:8233';
let sut: SystemUnderTest;
let caseworker: UserClient;

beforeAll(async () => {
  sut = await startSystem({
    TEMPORAL_CODEC_CORS_ORIGINS: TEMPORAL_UI,
    LOGIN_ATTEMPTS_PER_MINUTE: '10',
    LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000',
  });
  caseworker = await sut.as('kf.storstroem');
});

afterAll(() => sut?.stop());

const anonymous = (method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
  http(sut.baseUrl, method, url, body, headers);

/** A user of this suite's own, so that changing it cannot disturb suites running beside it. */
async function createOwnUser(username: string, role: string, organisation: string, units: string[]): Promise<void> {
  await sut.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
     VALUES ($1, $1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING`,
    [username, await hashPassword(DEMO_SECRETS.demoUserPassword), role, organisation, units],
  );
}

async function userId(username: string): Promise<string> {
  const [row] = await sut.db.query(`SELECT id FROM users WHERE username = $1`, [username]);
  return row.id;
}

async function tokenWith(
  claims: Record<string, unknown>,
  options: {
    key?: Parameters<SignJWT['sign']>[0];
    expiresIn?: string | null;
    audience?: string;
    subject?: string;
  } = {},
) {
  const jwt = new SignJWT({
    preferred_username: 'x',
    exitflow_role: 'kf_caseworker',
    exitflow_org: 'kriminalforsorgen',
    exitflow_units: ['KF-STORSTROEM'],
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(options.subject ?? (await userId('kf.storstroem')))
    .setIssuer('exitflow-local')
    .setAudience(options.audience ?? 'exitflow-api')
    .setIssuedAt();
  if (options.expiresIn !== null) jwt.setExpirationTime(options.expiresIn ?? '5m');
  return jwt.sign(options.key ?? createPrivateKey(DEMO_SECRETS.authSigningKey));
}

describe('login', () => {
  it('answers a bearer token with the user’s role and units', async () => {
    const answer = await anonymous('POST', '/api/auth/login', {
      username: 'kf.leder.storstroem',
      password: DEMO_SECRETS.demoUserPassword,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 28_800,
      user: {
        username: 'kf.leder.storstroem',
        role: 'supervisor',
        roleLabel: 'Leder',
        organisation: 'kriminalforsorgen',
        units: ['KF-STORSTROEM'],
      },
    });
    const me = await anonymous('GET', '/api/auth/me', undefined, {
      authorization: `Bearer ${answer.body.accessToken}`,
    });
    expect(me.body).toMatchObject({ username: 'kf.leder.storstroem', role: 'supervisor' });
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await anonymous('POST', '/api/auth/login', { username: 'kommune.kbh', password: 'forkert' });
    const unknown = await anonymous('POST', '/api/auth/login', { username: 'findes.ikke', password: 'forkert' });
    const expected = { code: 'INVALID_CREDENTIALS', message: 'Forkert brugernavn eller adgangskode.', details: null };
    expect([wrong.status, wrong.body]).toEqual([401, expected]);
    expect([unknown.status, unknown.body]).toEqual([401, expected]);
  });

  it('validates the login body', async () => {
    const answer = await anonymous('POST', '/api/auth/login', { username: 'kommune.kbh' });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'password', problems: ['Adgangskoden skal udfyldes.'] }]);
  });

  it('limits attempts per user and address to LOGIN_ATTEMPTS_PER_MINUTE, without locking out others', async () => {
    // A user of this suite's own: the counters are shared by every API on the database, other suites' too.
    await createOwnUser('politi.leder.security-test', 'supervisor', 'politi', ['POL-KBH']);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await anonymous('POST', '/api/auth/login', { username: 'politi.leder.security-test', password: `gæt-${i}` }))
          .status,
      );
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const limited = await anonymous('POST', '/api/auth/login', {
      username: 'politi.leder.security-test',
      password: DEMO_SECRETS.demoUserPassword,
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'For mange forsøg. Vent et minut, og prøv igen.',
      details: null,
    });
    const other = await anonymous('POST', '/api/auth/login', {
      username: 'politi.kbh.dks',
      password: DEMO_SECRETS.demoUserPassword,
    });
    expect(other.status).toBe(200);
  });
});

describe('bearer tokens', () => {
  it('accepts a token signed with the configured key', async () => {
    const answer = await anonymous('GET', '/api/auth/me', undefined, {
      authorization: `Bearer ${await tokenWith({})}`,
    });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['no Authorization header', async () => undefined, 'Log ind for at fortsætte.'],
    ['a malformed header', async () => 'Token abc', 'Log ind for at fortsætte.'],
    ['garbage', async () => 'Bearer abc.def.ghi', 'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.'],
    [
      'an expired token',
      async () => `Bearer ${await tokenWith({}, { expiresIn: '-1m' })}`,
      'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
    ],
    [
      'another audience',
      async () => `Bearer ${await tokenWith({}, { audience: 'another-api' })}`,
      'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
    ],
    [
      'a key of its own',
      async () =>
        `Bearer ${await tokenWith({}, { key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey })}`,
      'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
    ],
    [
      'an unknown role',
      async () => `Bearer ${await tokenWith({ exitflow_role: 'superuser' })}`,
      'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
    ],
    [
      'a unit of another organisation',
      async () => `Bearer ${await tokenWith({ exitflow_units: ['POL-KBH'] })}`,
      'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
    ],
    [
      'a token without expiry',
      async () => `Bearer ${await tokenWith({}, { expiresIn: null })}`,
      'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
    ],
    [
      'an overlong subject',
      async () => `Bearer ${await tokenWith({}, { subject: 'x'.repeat(121) })}`,
      'Adgangsbilletten er ugyldig eller udløbet. Log ind igen.',
    ],
    [
      'units the user no longer has',
      async () => `Bearer ${await tokenWith({ exitflow_units: ['KF-STORSTROEM', 'KF-NYBORG'] })}`,
      'Din adgang er ændret. Log ind igen.',
    ],
  ])('answers 401 to %s', async (_name, header, message) => {
    const authorization = await header();
    const answer = await anonymous('GET', '/api/exit-courses', undefined, authorization ? { authorization } : {});
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: 'UNAUTHENTICATED', message, details: null });
  });
});

describe('deactivated users', () => {
  it('are stopped at once, not when their token expires', async () => {
    await createOwnUser('kommune.security-test', 'municipality_caseworker', 'kommune', ['KOM-0101']);
    const kommune = await sut.as('kommune.security-test');
    expect((await kommune('GET', '/api/auth/me')).status).toBe(200);
    await sut.db.query(`UPDATE users SET active = false WHERE username = 'kommune.security-test'`);
    const answer = await kommune('GET', '/api/auth/me');
    expect([answer.status, answer.body]).toEqual([
      401,
      { code: 'UNAUTHENTICATED', message: 'Din adgang er ændret. Log ind igen.', details: null },
    ]);
    const login = await anonymous('POST', '/api/auth/login', {
      username: 'kommune.security-test',
      password: DEMO_SECRETS.demoUserPassword,
    });
    expect(login.status).toBe(401);
  });
});

describe('hardening', () => {
  it('sends security headers', async () => {
    const answer = await anonymous('GET', '/api/health');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('x-powered-by')).toBeNull();
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    const docs = await anonymous('GET', '/api/docs');
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('keeps CORS closed for the API and open to the Temporal UI for the codec only', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${sut.baseUrl}${url}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect(
      (await preflight('/api/exit-courses', 'https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    expect((await preflight('/api/exit-courses', TEMPORAL_UI)).headers.get('access-control-allow-origin')).toBeNull();
    expect(
      (await preflight('/api/codec/decode', 'https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    expect((await preflight('/api/codec/decode', TEMPORAL_UI)).headers.get('access-control-allow-origin')).toBe(
      TEMPORAL_UI,
    );
  });
});

describe('personal data', () => {
  it('stores name and CPR number encrypted, finds the person again by CPR number, and logs every read', async () => {
    const cpr = await fakeCpr();
    const name = fakeName();
    const registered = await caseworker('POST', '/api/persons', { name, cpr });
    expect(registered.status).toBe(201);
    const personRef = registered.body.personRef;
    const again = await caseworker('POST', '/api/persons', { name: 'Et andet navn', cpr: cpr.replace('-', '') });
    expect([again.status, again.body]).toEqual([200, { personRef }]);

    const [row] = await sut.db.query(
      `SELECT name_encrypted, cpr_encrypted, key_id, cpr_lookup FROM persons WHERE id = $1`,
      [personRef],
    );
    expect(row.key_id).toBe('demo1');
    expect(row.name_encrypted).toMatch(/^v1\.demo1\./);
    expect(`${row.name_encrypted}${row.cpr_encrypted}`).not.toContain(name);
    expect(`${row.name_encrypted}${row.cpr_encrypted}`).not.toContain(cpr.replace('-', ''));
    const hmacKey = Buffer.from(DEMO_SECRETS.personalDataHmacKey, 'base64');
    expect(row.cpr_lookup).toBe(createHmac('sha256', hmacKey).update(cpr.replace('-', '')).digest('hex'));
    expect(row.cpr_lookup).not.toBe(createHash('sha256').update(cpr.replace('-', '')).digest('hex'));

    const course = await caseworker('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-02-01',
      paroleLinked: false,
    });
    const read = await caseworker('GET', `/api/persons/${personRef}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      personRef,
      name,
      cpr,
      cases: [
        expect.objectContaining({
          id: course.body.id,
          caseType: 'exit_course',
          status: 'awaiting_suitability_assessment',
        }),
      ],
    });
    const found = await caseworker('POST', '/api/persons/lookup', { cpr });
    expect(found.body.personRef).toBe(personRef);
    await caseworker('GET', `/api/exit-courses/${course.body.id}`);

    const reads = await sut.db.query(
      `SELECT action, case_id, person_ref FROM access_log WHERE user_id = $1 AND (person_ref = $2 OR case_id = $3) ORDER BY id`,
      [await userId('kf.storstroem'), personRef, course.body.id],
    );
    expect(reads).toEqual([
      { action: 'person_register', case_id: null, person_ref: personRef },
      { action: 'person_register', case_id: null, person_ref: personRef },
      { action: 'case_read', case_id: course.body.id, person_ref: null },
      { action: 'person_name_read', case_id: course.body.id, person_ref: personRef },
      { action: 'person_read', case_id: null, person_ref: personRef },
      { action: 'person_lookup', case_id: null, person_ref: personRef },
      { action: 'case_read', case_id: course.body.id, person_ref: null },
      { action: 'person_name_read', case_id: course.body.id, person_ref: personRef },
    ]);
  });

  it.each([
    ['0101901234x', 'CPR-nummeret skal have formen DDMMÅÅ-XXXX.'],
    ['310290-1234', 'CPR-nummeret indeholder ikke en gyldig fødselsdato.'],
  ])('refuses the CPR number %s with 422 and registers nothing', async (cpr, message) => {
    const [{ before }] = await sut.db.query(`SELECT count(*)::int AS before FROM persons`);
    const answer = await caseworker('POST', '/api/persons', { name: fakeName(), cpr });
    expect([answer.status, answer.body]).toEqual([422, { code: 'INVALID_DOMAIN_DATA', message, details: null }]);
    const [{ after }] = await sut.db.query(`SELECT count(*)::int AS after FROM persons`);
    expect(after).toBe(before);
  });

  it('does not tell one prison whom another prison registered, and shows it nothing of theirs', async () => {
    const cpr = await fakeCpr();
    const name = fakeName();
    const { body: registered } = await caseworker('POST', '/api/persons', { name, cpr });
    await caseworker('POST', '/api/exit-courses', {
      personRef: registered.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-02-01',
      paroleLinked: false,
    });
    const ennermark = await sut.as('kf.ennermark');

    // Before registering the person itself, Enner Mark can neither find nor use them.
    expect((await ennermark('POST', '/api/persons/lookup', { cpr })).status).toBe(404);
    const useRef = await ennermark('POST', '/api/exit-courses', {
      personRef: registered.personRef,
      institutionCode: 'KF-ENNER-MARK',
      expectedReleaseDate: '2028-02-01',
      paroleLinked: false,
    });
    const unknownRef = await ennermark('POST', '/api/exit-courses', {
      personRef: randomUUID(),
      institutionCode: 'KF-ENNER-MARK',
      expectedReleaseDate: '2028-02-01',
      paroleLinked: false,
    });
    expect([useRef.status, useRef.body]).toEqual([unknownRef.status, unknownRef.body]);
    expect(useRef.status).toBe(422);

    // Registering answers exactly as for someone new to the system.
    const atEnnerMark = await ennermark('POST', '/api/persons', { name, cpr });
    const someoneNew = await ennermark('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
    expect([atEnnerMark.status, Object.keys(atEnnerMark.body)]).toEqual([
      someoneNew.status,
      Object.keys(someoneNew.body),
    ]);
    expect(atEnnerMark.status).toBe(201);
    const read = await ennermark('GET', `/api/persons/${atEnnerMark.body.personRef}`);
    expect(read.status).toBe(200);
    expect(read.body.cases).toEqual([]);
  });

  it('answers 404 for a person the user may not see, and for an unknown one, alike', async () => {
    const ennermark = await sut.as('kf.ennermark');
    const { body } = await ennermark('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
    const foreign = await caseworker('GET', `/api/persons/${body.personRef}`);
    const unknown = await caseworker('GET', `/api/persons/${randomUUID()}`);
    const expected = { code: 'PERSON_NOT_FOUND', message: 'Personen findes ikke.', details: null };
    expect([foreign.status, foreign.body]).toEqual([404, expected]);
    expect([unknown.status, unknown.body]).toEqual([404, expected]);
  });

  it('lists its own organisation’s users for the administrator, without password hashes', async () => {
    const admin = await sut.as('admin');
    const answer = await admin('GET', '/api/admin/users?pageSize=100');
    const usernames: string[] = answer.body.items.map((user: { username: string }) => user.username);
    // Other suites add users of their own to the shared database; the demo users are the fixed ones.
    const demoUsernames = new Set(DEMO_USERS.map((user) => user.username));
    expect(usernames.filter((username) => demoUsernames.has(username))).toEqual([
      'admin',
      'drift',
      'kf.databeskyttelse',
      'kf.ennermark',
      'kf.leder.national',
      'kf.leder.storstroem',
      'kf.storstroem',
      'kf.storstroem.2',
    ]);
    expect(answer.body.items.every((user: { organisation: string }) => user.organisation === 'kriminalforsorgen')).toBe(
      true,
    );
    expect(answer.body.items.find((user: { username: string }) => user.username === 'kf.storstroem')).toEqual({
      id: await userId('kf.storstroem'),
      username: 'kf.storstroem',
      displayName: 'Sagsbehandler, Storstrøm Fængsel',
      role: 'kf_caseworker',
      organisation: 'kriminalforsorgen',
      units: ['KF-STORSTROEM'],
      email: null,
      active: true,
    });
    expect(JSON.stringify(answer.body)).not.toContain('scrypt');
  });
});

describe('Temporal payloads', () => {
  it('are encrypted in Temporal and readable through the codec endpoint by operations only, each decode logged', async () => {
    const { body: person } = await caseworker('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
    const { body: course } = await caseworker('POST', '/api/exit-courses', {
      personRef: person.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-03-01',
      paroleLinked: true,
      referredAt: new Date(Date.now() - DAY_MS).toISOString(),
    });
    const history = await sut.temporal.workflow.getHandle(course.workflowId).fetchHistory();
    const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    expect(Buffer.from(input.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(input.data!).toString('latin1')).not.toContain(person.personRef);

    const encoded = {
      payloads: [
        {
          metadata: Object.fromEntries(
            Object.entries(input.metadata!).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
          ),
          data: Buffer.from(input.data!).toString('base64'),
        },
      ],
    };
    // An operations user of this test's own: other suites decode as `drift` in the same database.
    await createOwnUser('drift.security-test', 'operations', 'politi', []);
    const operations = await sut.as('drift.security-test');
    const decoded = await operations('POST', '/api/codec/decode', encoded);
    expect(decoded.status).toBe(200);
    const [payload] = decoded.body.payloads;
    expect(Buffer.from(payload.metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(payload.data, 'base64').toString())).toMatchObject({
      caseId: course.id,
      personRef: person.personRef,
      institutionCode: 'KF-STORSTROEM',
      paroleLinked: true,
    });
    expect((await caseworker('POST', '/api/codec/decode', encoded)).status).toBe(403);
    expect((await (await sut.as('kf.leder.national'))('POST', '/api/codec/decode', encoded)).status).toBe(403);
    const [decodes] = await sut.db.query(
      `SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND action = 'payload_decode'`,
      [await userId('drift.security-test')],
    );
    expect(decodes.n).toBe(1);
    const otherNamespace = await operations('POST', '/api/codec/decode', encoded, { 'x-namespace': 'someone-else' });
    expect([otherNamespace.status, otherNamespace.body.message]).toEqual([
      422,
      "Navnerummet 'someone-else' hører ikke til dette system.",
    ]);
  });

  it('refuses an update sent by a client without the key (no forged actor reaches the case)', async () => {
    const { body: person } = await caseworker('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
    const { body: course } = await caseworker('POST', '/api/exit-courses', {
      personRef: person.personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-03-01',
      paroleLinked: false,
    });
    const forged = sut.temporal.workflow.getHandle(course.workflowId).executeUpdate('interruptCourse', {
      args: [
        {
          by: 'kriminalforsorgen',
          reason: 'x',
          interruptedAt: new Date().toISOString(),
          actor: { id: 'forged-actor' },
        },
      ],
    });
    // The workflow refuses it; the refusal itself is encrypted, so the keyless client cannot even read it.
    await expect(forged).rejects.toThrow('Unknown encoding: binary/encrypted');
    const read = await caseworker('GET', `/api/exit-courses/${course.id}`);
    expect(read.body.status).toBe('awaiting_suitability_assessment');
    const [events] = await sut.db.query(`SELECT count(*)::int AS n FROM case_events WHERE actor_id = 'forged-actor'`);
    expect(events.n).toBe(0);
    // The refused update does not wedge the course: a real decision still goes through.
    const offered = await caseworker('POST', `/api/exit-courses/${course.id}/suitability-assessment`, {
      outcome: 'offer',
    });
    expect([offered.status, offered.body.status]).toEqual([200, 'awaiting_agreement_signature']);
  });

  it('refuses payloads it cannot decrypt with 422', async () => {
    const operations = await sut.as('drift');
    const answer = await operations('POST', '/api/codec/decode', {
      payloads: [
        {
          metadata: {
            encoding: Buffer.from(ENCRYPTED_ENCODING).toString('base64'),
            'encryption-key-id': Buffer.from('demo1').toString('base64'),
          },
          data: Buffer.from('not encrypted at all').toString('base64'),
        },
      ],
    });
    expect([answer.status, answer.body]).toEqual([
      422,
      {
        code: 'INVALID_DOMAIN_DATA',
        message: 'Dataelementerne kan ikke dekrypteres med de konfigurerede nøgler.',
        details: null,
      },
    ]);
  });
});
