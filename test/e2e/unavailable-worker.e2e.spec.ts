import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest } from '../support/system-under-test';

/** With no worker polling, a command must answer 503 within the configured time, not hang. */
let sut: SystemUnderTest;

beforeAll(async () => {
  sut = await startSystem({ API_COMMAND_TIMEOUT_SECONDS: '2' }, { worker: false });
});

afterAll(() => sut?.stop());

it('answers 503 with the case id when the process does not answer in time, and a key replay finds the case', async () => {
  const api = await sut.as('kf.storstroem');
  const { body: person } = await api('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const body = {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-01-01',
    paroleLinked: false,
  };
  const started = Date.now();
  const answer = await api('POST', '/api/exit-courses', body, { 'idempotency-key': 'unavailable-worker-1' });
  const waited = Date.now() - started;

  expect(answer.status).toBe(503);
  expect(answer.body).toEqual({
    code: 'SERVICE_UNAVAILABLE',
    message:
      'Sagens proces svarer ikke lige nu. Prøv igen om lidt; er beslutningen allerede registreret, ses den på sagen.',
    details: { caseId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
  });
  // Not a timing assertion on speed: it proves the request did not wait for the worker that never came.
  expect(waited).toBeLessThan(30_000);
  const running = await sut.temporal.workflow.getHandle(`exit-course-${answer.body.details.caseId}`).describe();
  expect(running.status.name).toBe('RUNNING');
});
