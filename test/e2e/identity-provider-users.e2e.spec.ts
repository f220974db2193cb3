import { exportJWK, SignJWT } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/api.setup';
import { loadConfig } from '../../libs/config/exitflow-config';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { eventually } from '../support/eventually';
import { startSmtpRecorder } from '../support/smtp-recorder';
import { http, startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * Users of an identity provider (OIDC, a key set served here), on a database of its own: the first
 * request provisions the user's row from the claims, changed claims update it; a supervisor assigns a
 * case to such a caseworker, who is in the staff list and the workload and receives the notices at the
 * claim's address; a deactivated one is refused; a local login of one (no password) is refused.
 */
let database: TestDatabase;
let sut: SystemUnderTest;
let keySet: Server;
let smtp: Awaited<ReturnType<typeof startSmtpRecorder>>;
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const UNIT = 'KF-STORSTROEM';
const EMAIL = 'idp.sagsbehandler@kriminalforsorgen.example.dk';
const caseworkerClaims = {
  preferred_username: 'idp.sagsbehandler',
  name: 'IdP Sagsbehandler',
  email: EMAIL,
  exitflow_role: 'kf_caseworker',
  exitflow_org: 'kriminalforsorgen',
  exitflow_units: [UNIT],
};
const supervisorClaims = {
  preferred_username: 'idp.leder',
  name: 'IdP Leder',
  exitflow_role: 'supervisor',
  exitflow_org: 'kriminalforsorgen',
  exitflow_units: [UNIT],
};

const ok = (answer: { status: number; body: unknown }, status = 200) => {
  expect([answer.status, answer.status === status ? 'ok' : answer.body]).toEqual([status, 'ok']);
  return answer.body as Record<string, any>;
};

function signed(subject: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
    .setSubject(subject)
    .setIssuer('exitflow-local')
    .setAudience('exitflow-api')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

async function as(subject: string, claims: Record<string, unknown>): Promise<UserClient> {
  const authorization = `Bearer ${await signed(subject, claims)}`;
  return (method, url, body, headers = {}) => http(sut.baseUrl, method, url, body, { authorization, ...headers });
}

const rowOf = async (subject: string) =>
  (
    await sut.db.query(
      `SELECT id::text AS id, username, display_name, password_hash, role, organisation, units, email, active
         FROM users WHERE external_subject = $1`,
      [subject],
    )
  )[0];

beforeAll(async () => {
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  keySet = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => keySet.listen(0, '127.0.0.1', resolve));
  smtp = await startSmtpRecorder();
  database = await createSiblingDatabase();
  sut = await startSystem(
    {
      AUTH_JWKS_URL: `http://127.0.0.1:${(keySet.address() as AddressInfo).port}/jwks`,
      NOTICE_SENDER: 'smtp',
      NOTICE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      NOTICE_POLL_SECONDS: '1',
      NOTICE_UNIT_ADDRESSES: `${UNIT}=storstroem@kriminalforsorgen.example.dk`,
    },
    { databaseUrl: database.databaseUrl },
  );
});

afterAll(async () => {
  await sut?.stop();
  await database?.dispose();
  await smtp?.close();
  await new Promise((resolve) => keySet?.close(resolve));
});

describe('provisioning', () => {
  it('creates the user’s row from the claims at the first request, and acts as that row', async () => {
    const me = ok(await (await as('idp-cw-1', caseworkerClaims))('GET', '/api/auth/me'));
    const row = await rowOf('idp-cw-1');
    expect(row).toEqual({
      id: me.id,
      username: 'idp.sagsbehandler',
      display_name: 'IdP Sagsbehandler',
      password_hash: null,
      role: 'kf_caseworker',
      organisation: 'kriminalforsorgen',
      units: [UNIT],
      email: EMAIL,
      active: true,
    });
    expect(me).toMatchObject({ username: 'idp.sagsbehandler', units: [UNIT] });
  });

  it('updates the row when the claims change, keeping its id', async () => {
    const { id } = await rowOf('idp-cw-1');
    const changed = await as('idp-cw-1', { ...caseworkerClaims, exitflow_units: [UNIT, 'KF-NYBORG'] });
    expect(ok(await changed('GET', '/api/auth/me'))).toMatchObject({ id, units: [UNIT, 'KF-NYBORG'] });
    expect(await rowOf('idp-cw-1')).toMatchObject({ id, units: [UNIT, 'KF-NYBORG'], email: EMAIL });
  });

  it('ignores an e-mail claim that is no address', async () => {
    await (
      await as('idp-cw-2', { ...caseworkerClaims, preferred_username: 'idp.2', email: 'ikke en adresse' })
    )('GET', '/api/auth/me');
    expect(await rowOf('idp-cw-2')).toMatchObject({ username: 'idp.2', email: null });
  });
});

describe('an identity provider’s caseworker', () => {
  it('is assigned a case by a supervisor, is in the staff list and the workload, and gets the notices', async () => {
    const caseworker = await as('idp-cw-1', caseworkerClaims);
    const supervisor = await as('idp-leder', supervisorClaims);
    const { id } = ok(await caseworker('GET', '/api/auth/me'));
    const { personRef } = ok(await caseworker('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() }), 201);
    const caseId = ok(
      await caseworker('POST', '/api/exit-courses', {
        personRef,
        institutionCode: UNIT,
        expectedReleaseDate: danishDateInDays(400),
        paroleLinked: false,
        referredAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
      }),
      201,
    ).id;
    await eventually(
      () => supervisor('GET', `/api/cases/${caseId}/assignment`),
      (answer) => answer.status === 200,
    );
    const assigned = ok(await supervisor('PUT', `/api/cases/${caseId}/assignee`, { assigneeId: id }));
    expect(assigned.assignee).toMatchObject({ id, displayName: 'IdP Sagsbehandler' });
    const staff = ok(await supervisor('GET', '/api/staff'));
    expect(staff.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, displayName: 'IdP Sagsbehandler', role: 'kf_caseworker' }),
      ]),
    );
    const workload = ok(await supervisor('GET', '/api/workload'));
    expect(workload.items.find((row: any) => row.user.id === id)).toMatchObject({ openCases: 1 });
    // The notice of the assignment goes to the claim's address (the outbox resolves it when it sends).
    expect(
      await sut.db.query(`SELECT recipient_user_id FROM notifications WHERE case_id = $1 AND kind = 'case_assigned'`, [
        caseId,
      ]),
    ).toEqual([{ recipient_user_id: id }]);
    const mailsToAssignee = (count: number) =>
      eventually(
        async () => smtp.mails.filter((mail) => mail.to.includes(EMAIL)),
        (found) => found.length >= count,
        200,
      );
    expect((await mailsToAssignee(1)).length).toBe(1);
    // The overdue assessment's notice went to the unit's mailbox before the case had an assignee; sent again
    // now (as a retry would), it goes to the assignee's address.
    const overdue = await sut.db.query(
      `UPDATE notifications SET sent_at = NULL, next_attempt_at = now()
        WHERE case_id = $1 AND kind <> 'case_assigned' AND step_id IS NOT NULL RETURNING id`,
      [caseId],
    );
    expect(overdue[0]).toBeDefined();
    const mails = await mailsToAssignee(2);
    expect(mails.map((mail) => mail.to)).toEqual([[EMAIL], [EMAIL]]);
  });

  it('cannot log in locally: the row has no password', async () => {
    const local: INestApplication = await createApiApp(
      { ...sut.config, auth: loadConfig({ DATABASE_URL: database.databaseUrl }).auth },
      ['error'],
    );
    await local.listen(0, '127.0.0.1');
    try {
      const { port } = local.getHttpServer().address() as AddressInfo;
      const login = await http(`http://127.0.0.1:${port}`, 'POST', '/api/auth/login', {
        username: 'idp.leder',
        password: 'hvad som helst',
      });
      expect([login.status, login.body]).toEqual([
        401,
        { code: 'INVALID_CREDENTIALS', message: 'Forkert brugernavn eller adgangskode.', details: null },
      ]);
    } finally {
      await local.close();
    }
    const here = await http(sut.baseUrl, 'POST', '/api/auth/login', { username: 'idp.leder', password: 'x' });
    expect(here.status).toBe(404);
  });

  it('is refused once an administrator deactivated them, whatever the claims say', async () => {
    const caseworker = await as('idp-cw-1', caseworkerClaims);
    const { id } = ok(await caseworker('GET', '/api/auth/me'));
    const administrator = await as('idp-admin', {
      preferred_username: 'idp.admin',
      name: 'IdP Administrator',
      exitflow_role: 'administrator',
      exitflow_org: 'kriminalforsorgen',
      exitflow_units: [],
    });
    // The provider decides role, units and address; an administrator only deactivates.
    const role = await administrator('PATCH', `/api/admin/users/${id}`, { role: 'supervisor' });
    expect([role.status, role.body.code]).toEqual([409, 'USER_CHANGE_REFUSED']);
    ok(await administrator('PATCH', `/api/admin/users/${id}`, { active: false }));
    const refused = { code: 'UNAUTHENTICATED', message: 'Din adgang er ændret. Log ind igen.', details: null };
    const answer = await caseworker('GET', '/api/auth/me');
    expect([answer.status, answer.body]).toEqual([401, refused]);
    const changed = await as('idp-cw-1', { ...caseworkerClaims, name: 'IdP Sagsbehandler, ny' });
    const again = await changed('GET', '/api/auth/me');
    expect([again.status, again.body]).toEqual([401, refused]);
    expect(await rowOf('idp-cw-1')).toMatchObject({ active: false, display_name: 'IdP Sagsbehandler, ny' });
  });
});
