import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The handover prepared before release, over HTTP: from the release notice Københavns Politi's exit unit and
 * Københavns Kommune read the course (logged) and see it among their coming handovers; the Storstrøm
 * caseworker's handover report; the municipality's and Kriminalforsorgen's views; the exit unit's acceptance
 * before the release; and the release, from which the course goes straight on with the police.
 */
let sut: SystemUnderTest;
let storstroem: UserClient;
let policeExit: UserClient;
let municipality: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  storstroem = await sut.as('kf.storstroem');
  policeExit = await sut.as('politi.kbh.exit');
  municipality = await sut.as('kommune.kbh');
});

afterAll(() => sut?.stop());

const ok = (answer: { status: number; body: unknown }, status = 200) => {
  expect([answer.status, answer.status === status ? 'ok' : answer.body]).toEqual([status, 'ok']);
  return answer.body as Record<string, any>;
};

const REPORT = {
  plan: 'Bolig via kommunen, job i byggeriet, fortsat mentor.',
  planStatus: 'partly',
  housingOwner: 'municipality',
  incomeOwner: 'municipality',
  jobOrEducationPlanOwner: 'person',
  mentorContinuityOwner: 'police',
  riskAssessment: 'Konflikt med tidligere gruppering; undgå Nørrebro.',
  extendedAddressProtection: true,
  contactName: 'Kontaktperson Storstrøm',
  contactPhone: '72 55 00 00',
};

async function comingIds(client: UserClient): Promise<string[]> {
  const page = ok(await client('GET', '/api/handovers/coming?pageSize=100'));
  return page.items.map((item: { caseId: string }) => item.caseId);
}

async function readsLogged(username: string, caseId: string): Promise<number> {
  const [row] = await sut.db.query(
    `SELECT count(*)::int AS n FROM access_log a JOIN users u ON u.id::text = a.user_id::text
      WHERE u.username = $1 AND a.case_id = $2 AND a.action = 'case_read'`,
    [username, caseId],
  );
  return row.n;
}

it('prepares the handover from the notice, and the course goes straight on at the release', async () => {
  const base = Date.now();
  const at = (daysAgo: number) => new Date(base - daysAgo * DAY_MS).toISOString();
  const name = fakeName();
  const { personRef } = ok(await storstroem('POST', '/api/persons', { name, cpr: await fakeCpr() }), 201);
  const { id } = ok(
    await storstroem('POST', '/api/exit-courses', {
      personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: danishDateInDays(90, new Date(base)),
      paroleLinked: false,
      referredAt: at(60),
    }),
    201,
  );
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/suitability-assessment`, { outcome: 'offer', decidedAt: at(50) }),
  );
  ok(await storstroem('POST', `/api/exit-courses/${id}/agreement-signed`, { signedAt: at(45) }));
  ok(await storstroem('POST', `/api/exit-courses/${id}/mentor`, { mentorRef: 'MENTOR-0042', assignedAt: at(40) }));
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/mentor-contacts`, {
      contactAt: at(30),
      form: 'meeting',
      durationMinutes: 75,
    }),
  );
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/release-plan`, {
      municipalityCode: 'KOM-0101',
      policeDistrictCode: 'POL-KBH',
    }),
  );

  // Before the notice: nothing reaches the exit unit or the municipality, and the report is not yet due.
  expect((await policeExit('GET', `/api/exit-courses/${id}`)).status).toBe(404);
  expect((await municipality('GET', `/api/exit-courses/${id}`)).status).toBe(404);
  expect(await comingIds(policeExit)).not.toContain(id);
  expect(
    (await municipality('POST', `/api/exit-courses/${id}/handover-view`, { recommendation: 'continue', view: 'Ja' }))
      .status,
  ).toBe(404);
  const early = await storstroem('POST', `/api/exit-courses/${id}/handover-report`, REPORT);
  expect([early.status, early.body.message]).toEqual([
    409,
    'Overdragelsesrapporten kan først skrives, når løsladelsen er varslet, og kun indtil løsladelsen.',
  ]);

  // The release moves inside the notice period: the notice goes out with this decision.
  const release = danishDateInDays(20, new Date(base));
  const notified = ok(
    await storstroem('POST', `/api/exit-courses/${id}/expected-release-date`, {
      expectedReleaseDate: release,
      reason: 'Prøveløsladelse bevilget',
    }),
  );
  expect(notified.releaseNoticeSentAt).not.toBeNull();
  expect(notified.steps.filter((step: { kind: string }) => step.kind === 'handover_report')).toHaveLength(1);

  // The exit unit and the municipality read the course (each read logged) and see it among coming handovers.
  const policeRead = ok(await policeExit('GET', `/api/exit-courses/${id}`));
  expect(policeRead.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
    'handover-decision',
  ]);
  const municipalRead = ok(await municipality('GET', `/api/exit-courses/${id}`));
  expect(municipalRead.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
    'handover-view',
  ]);
  expect(await readsLogged('politi.kbh.exit', id)).toBe(1);
  expect(await readsLogged('kommune.kbh', id)).toBe(1);
  const coming = ok(await policeExit('GET', '/api/handovers/coming?pageSize=100'));
  const item = coming.items.find((candidate: { caseId: string }) => candidate.caseId === id);
  expect(item).toEqual({
    caseId: id,
    personRef,
    personName: name,
    institution: { code: 'KF-STORSTROEM', name: 'Storstrøm Fængsel' },
    expectedReleaseDate: release,
    daysToRelease: 20,
    ready: false,
    missing: ['bolig', 'forsørgelse', 'job- eller uddannelsesplan', 'mentorkontinuitet'],
    paroleLinked: false,
    reportSubmittedAt: null,
    decisionBeforeRelease: null,
    availableDecisions: [expect.objectContaining({ name: 'handover-decision' })],
  });
  expect(await comingIds(municipality)).toContain(id);
  // Read only: the municipality cannot change the course.
  expect(
    (await municipality('POST', `/api/exit-courses/${id}/readiness`, { item: 'housing', ready: true })).status,
  ).toBe(403);

  // The report: the KF caseworker's alone; bad input names the fields as the form does and changes nothing.
  expect((await policeExit('POST', `/api/exit-courses/${id}/handover-report`, REPORT)).status).toBe(403);
  const bad = await storstroem('POST', `/api/exit-courses/${id}/handover-report`, {
    ...REPORT,
    planStatus: undefined,
    housingOwner: 'naboen',
  });
  expect(bad.status).toBe(400);
  expect(bad.body.details).toEqual([
    { field: 'planStatus', problems: ['Planens status skal udfyldes.'] },
    {
      field: 'housingOwner',
      problems: ['Ansvarlig for bolig skal være Kriminalforsorgen, kommunen, politiet eller borgeren selv.'],
    },
  ]);
  const parole = await storstroem('POST', `/api/exit-courses/${id}/handover-report`, {
    ...REPORT,
    paroleConditions: 'Tilsyn i 2 år.',
  });
  expect([parole.status, parole.body.message]).toEqual([
    422,
    'Vilkår for prøveløsladelse skal være tomt: forløbet er ikke knyttet til prøveløsladelse.',
  ]);
  expect(ok(await storstroem('GET', `/api/exit-courses/${id}`)).handoverPreparation.report).toBeNull();
  const reported = ok(await storstroem('POST', `/api/exit-courses/${id}/handover-report`, REPORT));
  expect(reported.handoverPreparation.report).toEqual({
    submittedAt: expect.any(String),
    plan: REPORT.plan,
    planStatus: 'partly',
    mentorRef: 'MENTOR-0042',
    mentorMinutes: 75,
    mentorContacts: 1,
    psychologistCourse: 'not_started',
    readiness: [
      { item: 'housing', owner: 'municipality', ready: false },
      { item: 'income', owner: 'municipality', ready: false },
      { item: 'job_or_education_plan', owner: 'person', ready: false },
      { item: 'mentor_continuity', owner: 'police', ready: false },
    ],
    riskAssessment: REPORT.riskAssessment,
    extendedAddressProtection: true,
    paroleConditions: null,
    contactName: 'Kontaktperson Storstrøm',
    contactPhone: '72 55 00 00',
  });
  // Encrypted at rest: the read model holds no plain text of it.
  const [stored] = await sut.db.query(
    `SELECT plan_encrypted, risk_encrypted FROM handover_reports WHERE case_id = $1`,
    [id],
  );
  expect(stored.plan_encrypted).toMatch(/^v1\./);
  expect(JSON.stringify(stored)).not.toContain('Nørrebro');

  // Views: the municipality's and Kriminalforsorgen's, their party their own organisation.
  const badView = await municipality('POST', `/api/exit-courses/${id}/handover-view`, { recommendation: 'maybe' });
  expect(badView.status).toBe(400);
  expect(badView.body.details).toEqual([
    {
      field: 'recommendation',
      problems: ['Anbefalingen skal være forløbet videreføres eller forløbet videreføres ikke.'],
    },
    { field: 'view', problems: ['Udtalelsen skal udfyldes.'] },
  ]);
  ok(
    await municipality('POST', `/api/exit-courses/${id}/handover-view`, {
      recommendation: 'continue',
      view: 'Kommunen har bolig klar og støtter videreførelse.',
    }),
  );
  ok(
    await storstroem('POST', `/api/exit-courses/${id}/handover-view`, {
      recommendation: 'continue',
      view: 'Motiveret; god kontakt med mentor.',
    }),
  );
  const prepared = ok(await policeExit('GET', `/api/exit-courses/${id}`)).handoverPreparation;
  expect(
    prepared.views.map((view: { party: string; recommendation: string; view: string }) => [
      view.party,
      view.recommendation,
      view.view,
    ]),
  ).toEqual([
    ['municipality', 'continue', 'Kommunen har bolig klar og støtter videreførelse.'],
    ['kriminalforsorgen', 'continue', 'Motiveret; god kontakt med mentor.'],
  ]);

  // The exit unit accepts before the release.
  const noContinuation = await policeExit('POST', `/api/exit-courses/${id}/handover-decision`, { decision: 'accept' });
  expect(noContinuation.status).toBe(400);
  const accepted = ok(
    await policeExit('POST', `/api/exit-courses/${id}/handover-decision`, {
      decision: 'accept',
      continuation: 'with_municipality',
    }),
  );
  expect(accepted.status).toBe('agreement_active');
  expect(accepted.handoverPreparation.decisionBeforeRelease).toEqual({
    policeDistrict: { code: 'POL-KBH', name: 'Københavns Politi' },
    decision: 'accept',
    continuation: 'with_municipality',
    decidedAt: expect.any(String),
  });
  const twice = await policeExit('POST', `/api/exit-courses/${id}/handover-decision`, {
    decision: 'decline',
    reason: 'Fortrudt',
  });
  expect(twice.status).toBe(409);
  const lateView = await municipality('POST', `/api/exit-courses/${id}/handover-view`, {
    recommendation: 'not_continue',
    view: 'For sent',
  });
  expect([lateView.status, lateView.body.message]).toEqual([
    409,
    'Udtalelsen kan ikke gives: politiets exitenhed har truffet sin afgørelse om overdragelsen.',
  ]);
  expect((await sut.db.query(`SELECT count(*)::int AS n FROM handover_views WHERE case_id = $1`, [id]))[0].n).toBe(2);

  // The release: no decision waits; the course goes straight on with the police exit unit.
  const released = ok(await storstroem('POST', `/api/exit-courses/${id}/release`, {}));
  expect(released.status).toBe('police_course_active');
  // No handover decision step: the police phase's own steps are what is open.
  expect(
    released.steps
      .filter((step: { kind: string; status: string }) => step.status === 'open')
      .map((step: { kind: string }) => step.kind)
      .sort(),
  ).toEqual(['mentor_contact', 'police_plan', 'police_review']);
  expect(await comingIds(policeExit)).not.toContain(id);
  // Told of the release, but not asked to decide again: no handover notice.
  expect(
    await sut.db.query(
      `SELECT recipient_unit, kind FROM notifications WHERE case_id = $1 AND kind IN ('handover', 'release') ORDER BY kind`,
      [id],
    ),
  ).toEqual([{ recipient_unit: 'KOM-0101', kind: 'release' }]);
  const inbox = ok(await policeExit('GET', '/api/handovers?pageSize=100'));
  expect(inbox.items.map((entry: { caseId: string }) => entry.caseId)).not.toContain(id);
  const [{ actions }] = await sut.db.query(
    `SELECT array_agg(action ORDER BY transition_seq, position) AS actions FROM case_events
      WHERE case_id = $1 AND action IN ('handover_report_submitted', 'handover_view_recorded', 'handover_accepted', 'handed_over', 'police_course_started')`,
    [id],
  );
  expect(actions).toEqual([
    'handover_report_submitted',
    'handover_view_recorded',
    'handover_view_recorded',
    'handover_accepted',
    'handed_over',
    'police_course_started',
  ]);
});
