import { DEMO_SECRETS } from '../../libs/config/demo-secrets';
import { hashPassword } from '../../libs/access/password-hashing';
import { http, startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * `PATCH /api/admin/users/:id`: an administrator deactivates, reactivates and changes the role and units of
 * a local user of their own organisation; every change is audited in access_log; a refused change changes
 * nothing. The suite's users are its own, in the municipalities (no demo administrator there), so the
 * demo users other suites log in as are never touched.
 */
let sut: SystemUnderTest;
let admin: UserClient;
let adminId: string;

const ADMIN = 'adminusers-test.admin';
const SECOND_ADMIN = 'adminusers-test.admin2';
const CASEWORKER = 'adminusers-test.caseworker';

async function createOwnUser(username: string, role: string, units: string[]): Promise<string> {
  await sut.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, organisation, units)
     VALUES ($1, $1, $2, $3, 'kommune', $4) ON CONFLICT (username) DO NOTHING`,
    [username, await hashPassword(DEMO_SECRETS.demoUserPassword), role, units],
  );
  const [row] = await sut.db.query(`SELECT id FROM users WHERE username = $1`, [username]);
  return row.id;
}

async function row(id: string) {
  const [user] = await sut.db.query(`SELECT role, units, active FROM users WHERE id = $1`, [id]);
  return user;
}

async function auditRows(id: string) {
  return sut.db.query(
    `SELECT user_id, role, action, case_id, person_ref, details FROM access_log WHERE subject_user_id = $1 ORDER BY id`,
    [id],
  );
}

const login = (username: string) =>
  http(sut.baseUrl, 'POST', '/api/auth/login', { username, password: DEMO_SECRETS.demoUserPassword });

beforeAll(async () => {
  sut = await startSystem({ LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '1000' });
  adminId = await createOwnUser(ADMIN, 'administrator', []);
  admin = await sut.as(ADMIN);
});

afterAll(() => sut?.stop());

it('changes a local user’s role and units, audits who changed what from what, and the old token stops working', async () => {
  const id = await createOwnUser(CASEWORKER, 'municipality_caseworker', ['KOM-0101']);
  const caseworker = await sut.as(CASEWORKER);
  expect((await caseworker('GET', '/api/auth/me')).status).toBe(200);
  const before = new Date();

  const answer = await admin('PATCH', `/api/admin/users/${id}`, {
    role: 'supervisor',
    units: ['KOM-0101', 'KOM-0461'],
  });

  expect([answer.status, answer.body]).toEqual([
    200,
    {
      id,
      username: CASEWORKER,
      displayName: CASEWORKER,
      role: 'supervisor',
      organisation: 'kommune',
      units: ['KOM-0101', 'KOM-0461'],
      email: null,
      active: true,
    },
  ]);
  expect(await row(id)).toEqual({ role: 'supervisor', units: ['KOM-0101', 'KOM-0461'], active: true });
  expect(await auditRows(id)).toEqual([
    {
      user_id: adminId,
      role: 'administrator',
      action: 'user_change',
      case_id: null,
      person_ref: null,
      details: {
        role: { from: 'municipality_caseworker', to: 'supervisor' },
        units: { from: ['KOM-0101'], to: ['KOM-0101', 'KOM-0461'] },
      },
    },
  ]);
  const [{ at }] = await sut.db.query(`SELECT at FROM access_log WHERE subject_user_id = $1`, [id]);
  expect(at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  // The token carries the old role: refused at once, not when it expires.
  expect(await caseworker('GET', '/api/auth/me')).toMatchObject({
    status: 401,
    body: { code: 'UNAUTHENTICATED', message: 'Din adgang er ændret. Log ind igen.' },
  });
  // The list shows the change; the same change again changes nothing and is not audited again.
  const list = await admin('GET', '/api/admin/users?pageSize=100');
  expect(list.body.items.find((user: { id: string }) => user.id === id)).toMatchObject({ role: 'supervisor' });
  const again = await admin('PATCH', `/api/admin/users/${id}`, { units: ['KOM-0461', 'KOM-0101'] });
  expect(again.status).toBe(200);
  expect(await auditRows(id)).toHaveLength(1);
});

it('deactivates a user (their token and login stop working) and reactivates them, each audited', async () => {
  const id = await createOwnUser('adminusers-test.leaver', 'municipality_caseworker', ['KOM-0751']);
  const leaver = await sut.as('adminusers-test.leaver');

  const off = await admin('PATCH', `/api/admin/users/${id}`, { active: false });

  expect([off.status, off.body.active]).toEqual([200, false]);
  expect((await leaver('GET', '/api/steps/mine')).status).toBe(401);
  expect((await login('adminusers-test.leaver')).status).toBe(401);

  const on = await admin('PATCH', `/api/admin/users/${id}`, { active: true });
  expect([on.status, on.body.active]).toEqual([200, true]);
  expect((await login('adminusers-test.leaver')).status).toBe(200);
  expect((await auditRows(id)).map((audit: { details: unknown }) => audit.details)).toEqual([
    { active: { from: true, to: false } },
    { active: { from: false, to: true } },
  ]);
});

describe('refused changes change nothing and are not audited', () => {
  let id: string;
  beforeAll(async () => {
    id = await createOwnUser('adminusers-test.unchanged', 'municipality_caseworker', ['KOM-0851']);
  });
  afterEach(async () => {
    expect(await row(id)).toEqual({ role: 'municipality_caseworker', units: ['KOM-0851'], active: true });
    expect(await auditRows(id)).toEqual([]);
  });

  it.each([
    [{ role: 'kf_caseworker' }, 'Rollen «Sagsbehandler, Kriminalforsorgen» findes ikke i brugerens organisation.'],
    [{ role: 'dks_officer' }, 'Rollen «Den Kriminalpræventive Sektion (DKS)» findes ikke i brugerens organisation.'],
    [{ units: ['KOM-0851', 'POL-KBH'] }, 'Enhederne hører ikke til brugerens organisation: POL-KBH.'],
    [{ units: ['KOM-9999'] }, 'Enhederne hører ikke til brugerens organisation: KOM-9999.'],
    [{ units: ['KOM-0851', 'KOM-0851'] }, 'Hver enhed må kun stå én gang.'],
    [{}, 'Angiv mindst én ændring: active, role, units eller email.'],
  ])('422 for %j', async (body, message) => {
    const answer = await admin('PATCH', `/api/admin/users/${id}`, body);
    expect([answer.status, answer.body.code, answer.body.message]).toEqual([422, 'INVALID_DOMAIN_DATA', message]);
  });

  it.each([
    [
      { role: 'chef' },
      'role',
      'Rollen skal være »Sagsbehandler, Kriminalforsorgen«, »Politiets exitenhed«, »Sagsbehandler, kommune«, »Den Kriminalpræventive Sektion (DKS)«, »Leder«, »Landsdækkende leder«, »Administrator«, »Drift (Temporal)«, »Socialforvaltningen, kommune«, »Politiets efterretningssektion (EAS), analytiker«, »Koordinationsudvalg (bekymringsbreve)«, »Efterforskning, politiet« eller »Databeskyttelse«.',
    ],
    [{ active: 'nej' }, 'active', 'Feltet »Aktiv« skal være ja eller nej.'],
    [{ units: 'KOM-0101' }, 'units', 'Enhederne skal være en liste af enhedskoder.'],
    [{ units: [7] }, 'units', 'Enhederne skal være en liste af enhedskoder (tekst).'],
    [{ username: 'ny' }, 'username', "Feltet 'username' er ukendt og må ikke sendes."],
    [{ email: 'ikke en adresse' }, 'email', 'E-mailadressen skal være en e-mailadresse, fx navn@kriminalforsorgen.dk.'],
  ])('400 for %j', async (body, field, problem) => {
    const answer = await admin('PATCH', `/api/admin/users/${id}`, body);
    expect([answer.status, answer.body]).toEqual([
      400,
      { code: 'VALIDATION_FAILED', message: 'Forespørgslen er ugyldig.', details: [{ field, problems: [problem] }] },
    ]);
  });

  it('403 for a role without user administration, 401 without login', async () => {
    const caseworker = await sut.as('kommune.kbh');
    expect(await caseworker('PATCH', `/api/admin/users/${id}`, { active: false })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect((await http(sut.baseUrl, 'PATCH', `/api/admin/users/${id}`, { active: false })).status).toBe(401);
  });
});

it('sets and removes a user’s e-mail address, auditing that it changed but not to what', async () => {
  const id = await createOwnUser('adminusers-test.mail', 'municipality_caseworker', ['KOM-0101']);
  const set = await admin('PATCH', `/api/admin/users/${id}`, { email: 'sagsbehandler@kk.example.dk' });
  expect([set.status, set.body.email]).toEqual([200, 'sagsbehandler@kk.example.dk']);
  const removed = await admin('PATCH', `/api/admin/users/${id}`, { email: '' });
  expect([removed.status, removed.body.email]).toEqual([200, null]);
  expect((await sut.db.query(`SELECT email FROM users WHERE id = $1`, [id]))[0].email).toBeNull();
  expect((await auditRows(id)).map((audit: { details: unknown }) => audit.details)).toEqual([
    { email: { changed: true } },
    { email: { changed: true } },
  ]);
});

it('404 for a user of another organisation, an unknown id and one that is no id', async () => {
  const [foreign] = await sut.db.query(`SELECT id FROM users WHERE username = 'kf.storstroem'`);
  for (const target of [foreign.id, '00000000-0000-4000-8000-000000000000', 'ikke-et-id']) {
    const answer = await admin('PATCH', `/api/admin/users/${target}`, { active: false });
    expect([answer.status, answer.body]).toEqual([
      404,
      { code: 'USER_NOT_FOUND', message: 'Brugeren findes ikke.', details: { userId: target } },
    ]);
  }
  expect((await sut.db.query(`SELECT active FROM users WHERE id = $1`, [foreign.id]))[0].active).toBe(true);
});

it('409 when the administrator would deactivate themselves or leave the organisation without an administrator', async () => {
  const self = await admin('PATCH', `/api/admin/users/${adminId}`, { active: false });
  expect([self.status, self.body.code, self.body.message]).toEqual([
    409,
    'USER_CHANGE_REFUSED',
    'Du kan ikke deaktivere dig selv.',
  ]);
  const last = 'Organisationen skal have mindst én aktiv administrator: udpeg en anden først.';
  const demoted = await admin('PATCH', `/api/admin/users/${adminId}`, { role: 'supervisor' });
  expect([demoted.status, demoted.body.code, demoted.body.message]).toEqual([409, 'USER_CHANGE_REFUSED', last]);

  // With a second, inactive administrator the first is still the last active one.
  const second = await createOwnUser(SECOND_ADMIN, 'administrator', []);
  expect((await admin('PATCH', `/api/admin/users/${second}`, { active: false })).status).toBe(200);
  expect((await admin('PATCH', `/api/admin/users/${adminId}`, { role: 'supervisor' })).body.message).toBe(last);
  expect(await row(adminId)).toEqual({ role: 'administrator', units: [], active: true });
  expect(await auditRows(adminId)).toEqual([]);
});
