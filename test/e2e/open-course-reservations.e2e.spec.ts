import { randomUUID } from 'node:crypto';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * One open exit course per person — and a start that died between reserving the person and starting
 * the workflow (an API killed mid-start) does not refuse the person for ever: once the reservation is
 * older than any start can take and Temporal has no workflow for it, a new start takes it over.
 * A crash is simulated by writing the reservation such a start leaves behind.
 */
let sut: SystemUnderTest;
let kf: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  kf = await sut.as('kf.storstroem');
});

afterAll(() => sut?.stop());

async function registeredPerson(): Promise<string> {
  return (await kf('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() })).body.personRef;
}

const start = (personRef: string) =>
  kf(
    'POST',
    '/api/exit-courses',
    { personRef, institutionCode: 'KF-STORSTROEM', expectedReleaseDate: '2028-06-30', paroleLinked: false },
    { 'idempotency-key': `reservation-${randomUUID()}` },
  );

const leftBehindByACrash = (personRef: string, minutesAgo: number) =>
  sut.db.query(
    `INSERT INTO open_exit_courses (cpr_lookup, person_ref, case_id, org_unit, reserved_at)
     SELECT p.cpr_lookup, $1::text, $2::uuid, 'KF-STORSTROEM', now() - make_interval(mins => $3::int) FROM persons p WHERE p.id::text = $1::text`,
    [personRef, randomUUID(), minutesAgo],
  );

it('starts a course for a person whose reservation a crashed start left behind, with a new Idempotency-Key', async () => {
  const personRef = await registeredPerson();
  await leftBehindByACrash(personRef, 60);
  const started = await start(personRef);
  expect([started.status, started.body.status]).toEqual([201, 'awaiting_suitability_assessment']);
  const [reservation] = await sut.db.query(`SELECT case_id FROM open_exit_courses WHERE person_ref = $1`, [personRef]);
  expect(reservation.case_id).toBe(started.body.id);
  // The rule still holds: a second course is refused while this one is open.
  const second = await start(personRef);
  expect([second.status, second.body.code]).toEqual([409, 'COURSE_ALREADY_OPEN']);
});

it('refuses while the reservation is young enough that its start may still be running', async () => {
  const personRef = await registeredPerson();
  await leftBehindByACrash(personRef, 0);
  const refused = await start(personRef);
  expect([refused.status, refused.body.code]).toEqual([409, 'COURSE_ALREADY_OPEN']);
});

it('keeps an old reservation whose course Temporal does run, though the read model has not recorded it', async () => {
  const personRef = await registeredPerson();
  const caseId = randomUUID();
  // A workflow Temporal has (on a queue no worker polls, so it never reaches the read model).
  await sut.temporal.workflow.start('exitCourseWorkflow', {
    workflowId: `exit-course-${caseId}`,
    taskQueue: `no-worker-${caseId}`,
    args: [],
  });
  await sut.db.query(
    `INSERT INTO open_exit_courses (cpr_lookup, person_ref, case_id, org_unit, reserved_at)
     SELECT p.cpr_lookup, $1::text, $2::uuid, 'KF-STORSTROEM', now() - interval '1 hour' FROM persons p WHERE p.id::text = $1::text`,
    [personRef, caseId],
  );
  const refused = await start(personRef);
  expect([refused.status, refused.body.code]).toEqual([409, 'COURSE_ALREADY_OPEN']);
  const [reservation] = await sut.db.query(`SELECT case_id FROM open_exit_courses WHERE person_ref = $1`, [personRef]);
  expect(reservation.case_id).toBe(caseId);
  await sut.temporal.workflow.getHandle(`exit-course-${caseId}`).terminate('test done');
});
