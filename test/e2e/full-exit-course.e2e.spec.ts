import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * One whole exit course over HTTP, with the people who do the work: referral at Storstrøm, the joint
 * assessment, the agreement, mentor support, a transfer to Enner Mark, release preparation, release and
 * handover to Københavns Politi's exit unit, which decides that the course continues with the municipality.
 */
let sut: SystemUnderTest;
let storstroem: UserClient;
let ennermark: UserClient;
let policeExit: UserClient;
let municipality: UserClient;
let policeSupervisor: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  storstroem = await sut.as('kf.storstroem');
  ennermark = await sut.as('kf.ennermark');
  policeExit = await sut.as('politi.kbh.exit');
  municipality = await sut.as('kommune.kbh');
  policeSupervisor = await sut.as('politi.leder.kbh');
});

afterAll(() => sut?.stop());

const ok = (answer: { status: number; body: unknown }, status = 200) => {
  expect([answer.status, answer.status === status ? 'ok' : answer.body]).toEqual([status, 'ok']);
  return answer.body as Record<string, any>;
};

it('runs from referral to the police exit unit’s continuation decision', async () => {
  const base = Date.now();
  const at = (daysAgo: number) => new Date(base - daysAgo * DAY_MS).toISOString();
  const release = danishDateInDays(15, new Date(base));

  const name = fakeName();
  const { personRef } = ok(await storstroem('POST', '/api/persons', { name, cpr: await fakeCpr() }), 201);
  const course = ok(
    await storstroem('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: release,
      paroleLinked: true,
      referredAt: at(60),
    }),
    201,
  );
  const id = course.id;
  // Nothing reaches the police exit unit or the municipality before the handover.
  expect((await policeExit('GET', `/api/exit-courses/${id}`)).status).toBe(404);
  expect((await municipality('GET', `/api/exit-courses/${id}`)).status).toBe(404);

  for (const party of ['kriminalforsorgen', 'police', 'municipality']) {
    ok(
      await storstroem('POST', `/api/exit-courses/${id}/assessment-inputs`, {
        party,
        summary: `Udtalelse (${party}).`,
        recordedAt: at(55),
      }),
    );
  }
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/suitability-assessment`, { outcome: 'offer', decidedAt: at(50) }),
  );
  ok(await storstroem('POST', `/api/exit-courses/${id}/agreement-signed`, { signedAt: at(45) }));
  ok(await storstroem('POST', `/api/exit-courses/${id}/mentor`, { mentorRef: 'MENTOR-0042', assignedAt: at(40) }));
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: at(30),
      form: 'meeting',
      durationMinutes: 60,
    }),
  );
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/release-plan`, {
      municipalityCode: 'KOM-0101',
      policeDistrictCode: 'POL-KBH',
    }),
  );
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/transfer`, {
      toInstitutionCode: 'KF-ENNER-MARK',
      transferredAt: at(20),
    }),
  );

  // At Enner Mark now: the course goes on unchanged.
  ok(
    await ennermark('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: at(10),
      form: 'phone',
      durationMinutes: 25,
    }),
  );
  const prepared = ok(await ennermark('GET', `/api/exit-courses/${id}`));
  expect(prepared.releaseNoticeSentAt).not.toBeNull();
  for (const item of ['housing', 'income', 'job_or_education_plan', 'mentor_continuity']) {
    ok(await ennermark('POST', `/api/exit-courses/${id}/readiness`, { item, ready: true }));
  }
  const released = ok(await ennermark('POST', `/api/exit-courses/${id}/release`, { releasedAt: at(1) }));
  expect(released).toMatchObject({
    status: 'awaiting_handover_decision',
    handover: { releasedAt: at(1), policeDistrict: { code: 'POL-KBH', name: 'Københavns Politi' }, continuation: null },
  });

  // The police exit unit sees it in its inbox; the prison can read but no longer decide; the municipality reads.
  // Other suites hand over to Københavns Politi too (one shared database): this case's entry, exactly.
  const inboxEntries = async () =>
    ok(await policeExit('GET', '/api/handovers?pageSize=100')).items.filter(
      (item: { caseId: string }) => item.caseId === id,
    );
  expect(await inboxEntries()).toEqual([
    expect.objectContaining({
      caseId: id,
      personRef,
      // The exit unit may read persons: the name, its showing logged.
      personName: name,
      institution: { code: 'KF-ENNER-MARK', name: 'Enner Mark Fængsel' },
      releasedAt: at(1),
      overdue: false,
      paroleLinked: true,
    }),
  ]);
  expect(
    await sut.db.query(
      `SELECT count(*)::int AS n FROM access_log a JOIN users u ON u.id::text = a.user_id::text
        WHERE u.username = 'politi.kbh.exit' AND a.action = 'person_name_read' AND a.case_id::text = $1`,
      [id],
    ),
  ).toEqual([{ n: 1 }]);
  expect(
    (
      await ennermark('POST', `/api/exit-courses/${id}/mentor-contacts`, {
        contactAt: at(0.5),
        form: 'phone',
        durationMinutes: 5,
      })
    ).status,
  ).toBe(403);
  expect((await municipality('GET', `/api/exit-courses/${id}`)).status).toBe(200);
  expect((await policeSupervisor('GET', `/api/exit-courses/${id}`)).status).toBe(200);
  const missingContinuation = await policeExit('POST', `/api/exit-courses/${id}/handover-decision`, {
    decision: 'accept',
  });
  expect(missingContinuation.body.details).toEqual([
    { field: 'continuation', problems: ['Ved overtagelse skal det videre forløb udfyldes.'] },
  ]);

  const decided = ok(
    await policeExit('POST', `/api/exit-courses/${id}/handover-decision`, {
      decision: 'accept',
      continuation: 'with_municipality',
    }),
  );
  // Accepted and continued: the police exit unit runs the course now, until it ends with an outcome.
  expect(decided).toMatchObject({
    status: 'police_course_active',
    statusText: 'videreført hos politiets exitenhed',
    handover: { continuation: 'with_municipality' },
    closedAt: null,
  });
  expect(decided.openSteps.map((step: { kind: string }) => step.kind).sort()).toEqual([
    'mentor_contact',
    'police_plan',
    'police_review',
  ]);
  expect(await inboxEntries()).toEqual([]);
  const ended = ok(
    await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, {
      outcome: 'completed',
      reasonCode: 'goals_reached',
    }),
  );
  expect(ended).toMatchObject({ status: 'police_course_ended', openSteps: [] });
  expect(ended.closedAt).not.toBeNull();

  const history = ok(await storstroem('GET', `/api/exit-courses/${id}/history?pageSize=100`));
  const actions = history.items.map((entry: { action: string }) => entry.action);
  expect(actions.filter((action: string) => !action.startsWith('step_'))).toEqual([
    'case_started',
    // Registered 15 days before release: the notice goes out at once, and reaches the plan's units once there is one.
    'release_notice_sent',
    'assessment_input_recorded',
    'assessment_input_recorded',
    'assessment_input_recorded',
    'suitability_offer',
    'agreement_signed',
    'mentor_assigned',
    'mentor_contact_logged',
    'release_plan_set',
    'prison_transfer',
    'mentor_contact_logged',
    'readiness_updated',
    'readiness_updated',
    'readiness_updated',
    'readiness_updated',
    'released',
    'handed_over',
    'handover_accepted',
    'police_course_started',
    'police_course_ended',
  ]);
  const [police] = await sut.db.query(`SELECT id FROM users WHERE username = 'politi.kbh.exit'`);
  expect(history.items.find((entry: { action: string }) => entry.action === 'handover_accepted')).toMatchObject({
    actorId: police.id,
    actorName: 'Exitenheden, Københavns Politi',
  });
  expect(history.items.find((entry: { action: string }) => entry.action === 'step_overdue')).toMatchObject({
    actorId: 'system',
    actorName: null,
  });
  // Notices to other units (deadline notices to the prison itself are below).
  const notices = await sut.db.query(
    `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND step_id IS NULL ORDER BY created_at, kind, recipient_unit`,
    [id],
  );
  expect(notices).toEqual([
    { recipient_unit: 'KOM-0101', kind: 'release_notice' },
    { recipient_unit: 'POL-KBH', kind: 'release_notice' },
    { recipient_unit: 'KOM-0101', kind: 'prison_transfer' },
    { recipient_unit: 'POL-KBH', kind: 'prison_transfer' },
    { recipient_unit: 'POL-KBH', kind: 'handover' },
    { recipient_unit: 'KOM-0101', kind: 'release' },
  ]);
  // Typed in afterwards: each step was past its deadline when registered, so overdue at once (a notice
  // each), though decided in time; the mentor contact at 30 days ago made the next one due soon.
  const deadlineNotices = await sut.db.query(
    `SELECT s.kind AS step, n.kind, n.recipient_unit FROM notifications n JOIN steps s ON s.id = n.step_id
      WHERE n.case_id = $1 ORDER BY n.created_at, s.kind, n.kind`,
    [id],
  );
  expect(deadlineNotices).toEqual([
    { step: 'suitability_assessment', kind: 'deadline_overdue', recipient_unit: 'KF-STORSTROEM' },
    // Opened by the release notice at the start (the release was 15 days ahead): due 14 days before it.
    { step: 'handover_report', kind: 'deadline_warning', recipient_unit: 'KF-STORSTROEM' },
    { step: 'agreement_signing', kind: 'deadline_overdue', recipient_unit: 'KF-STORSTROEM' },
    { step: 'mentor_assignment', kind: 'deadline_overdue', recipient_unit: 'KF-STORSTROEM' },
    { step: 'mentor_contact', kind: 'deadline_overdue', recipient_unit: 'KF-STORSTROEM' },
    { step: 'mentor_contact', kind: 'deadline_warning', recipient_unit: 'KF-STORSTROEM' },
  ]);
  // The person may start another agreement now that this one has ended (its reoffending check still to come).
  ok(
    await ennermark('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-ENNER-MARK',
      expectedReleaseDate: release,
      paroleLinked: false,
    }),
    201,
  );
});
