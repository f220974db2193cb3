import { DAY_MS, courseInPolicePhase } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The police phase over HTTP: the routes under /api/exit-courses/:id (police-plan, mentor-contacts after
 * release, police-review, police-course-end, reoffending-check), who may take them, and what is refused.
 */
let sut: SystemUnderTest;
let storstroem: UserClient;
let policeExit: UserClient;
let municipality: UserClient;
let policeSupervisor: UserClient;
let nationalPolice: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  storstroem = await sut.as('kf.storstroem');
  policeExit = await sut.as('politi.kbh.exit');
  municipality = await sut.as('kommune.kbh');
  policeSupervisor = await sut.as('politi.leder.kbh');
  nationalPolice = await sut.as('politi.leder.national');
});

afterAll(() => sut?.stop());

const ok = (answer: { status: number; body: unknown }, status = 200): Record<string, any> => {
  expect([answer.status, answer.status === status ? 'ok' : answer.body]).toEqual([status, 'ok']);
  return answer.body as Record<string, unknown>;
};

const stepKinds = (detail: Record<string, any>) =>
  (detail.openSteps as { kind: string }[]).map((step) => step.kind).sort();

describe('the police phase over HTTP', () => {
  it('lets the exit unit plan, review and end the course, and the municipality log contacts', async () => {
    const { id, at } = await courseInPolicePhase(storstroem, policeExit);
    const detail = ok(await policeExit('GET', `/api/exit-courses/${id}`));
    expect(detail).toMatchObject({
      status: 'police_course_active',
      policePhase: {
        startedAt: at(9),
        policeDistrict: { code: 'POL-KBH', name: 'Københavns Politi' },
        plan: null,
        reviews: [],
        outcome: null,
        endedAt: null,
        reoffended: null,
        reoffendingCheckedAt: null,
      },
    });
    expect(stepKinds(detail)).toEqual(['mentor_contact', 'police_plan', 'police_review']);
    expect(detail.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
      'mentor-contacts',
      'police-plan',
      'police-review',
      'police-course-end',
    ]);
    // The municipality logs contacts (and only that); Kriminalforsorgen and the police supervisor read.
    const forMunicipality = ok(await municipality('GET', `/api/exit-courses/${id}`));
    expect(forMunicipality.availableDecisions.map((decision: { name: string }) => decision.name)).toEqual([
      'mentor-contacts',
    ]);
    expect(ok(await storstroem('GET', `/api/exit-courses/${id}`)).availableDecisions).toEqual([]);
    expect(ok(await policeSupervisor('GET', `/api/exit-courses/${id}`)).availableDecisions).toEqual([]);

    const planned = ok(
      await policeExit('POST', `/api/exit-courses/${id}/police-plan`, {
        summary: 'Job via jobcentret; bolig på plads.',
        runBy: 'police_with_municipality',
        recordedAt: at(8),
      }),
    );
    expect(planned.policePhase.plan).toEqual({
      summary: 'Job via jobcentret; bolig på plads.',
      runBy: 'police_with_municipality',
      recordedAt: at(8),
    });
    ok(
      await policeExit('POST', `/api/exit-courses/${id}/mentor-contacts`, {
        contactAt: at(7),
        form: 'meeting',
        durationMinutes: 50,
      }),
    );
    ok(
      await municipality('POST', `/api/exit-courses/${id}/mentor-contacts`, {
        contactAt: at(6),
        form: 'phone',
        durationMinutes: 15,
      }),
    );
    const contacts = ok(await municipality('GET', `/api/exit-courses/${id}/mentor-contacts`));
    expect(
      contacts.items.map((item: { organisation: string; durationMinutes: number }) => [
        item.organisation,
        item.durationMinutes,
      ]),
    ).toEqual([
      ['municipality', 15],
      ['police', 50],
    ]);
    expect(
      (
        await storstroem('POST', `/api/exit-courses/${id}/mentor-contacts`, {
          contactAt: at(5),
          form: 'phone',
          durationMinutes: 5,
        })
      ).status,
    ).toBe(403);
    const reviewed = ok(
      await policeExit('POST', `/api/exit-courses/${id}/police-review`, {
        summary: 'Går efter planen.',
        reviewedAt: at(4),
      }),
    );
    expect(reviewed.policePhase.reviews).toEqual([{ summary: 'Går efter planen.', reviewedAt: at(4) }]);

    const ended = ok(
      await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, {
        outcome: 'dropped_out',
        reasonCode: 'own_wish',
        endedAt: at(2),
      }),
    );
    expect(ended).toMatchObject({
      status: 'police_course_ended',
      statusText: 'afsluttet hos politiets exitenhed og afventer tilbagefaldskontrol',
      closedAt: at(2),
      openSteps: [],
      availableDecisions: [],
      policePhase: { outcome: 'dropped_out', endedAt: at(2), reoffended: null },
    });
    // Ended: counted as closed (the lists), the reoffending check not open yet (409), nothing else possible.
    const check = await policeExit('POST', `/api/exit-courses/${id}/reoffending-check`, { reoffended: false });
    expect([check.status, check.body.message]).toEqual([
      409,
      'Tilbagefaldskontrollen kan ikke registreres endnu: den åbnes, når perioden efter forløbets afslutning er gået.',
    ]);
    const again = await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, {
      outcome: 'completed',
      reasonCode: 'goals_reached',
    });
    expect(again.status).toBe(409);
    const history = ok(await policeExit('GET', `/api/exit-courses/${id}/history?pageSize=100`));
    expect(
      history.items
        .filter((entry: { action: string }) => entry.action === 'police_course_ended')
        .map((entry: { reasonCode: string; reasonLabel: string }) => [entry.reasonCode, entry.reasonLabel]),
    ).toEqual([['own_wish', 'borgeren ønsker ikke at fortsætte']]);
  });

  it('refuses bad input with Danish field-named messages and changes nothing', async () => {
    const { id, at } = await courseInPolicePhase(storstroem, policeExit);
    const before = ok(await policeExit('GET', `/api/exit-courses/${id}`));
    const noPlan = await policeExit('POST', `/api/exit-courses/${id}/police-plan`, { runBy: 'someone' });
    expect([noPlan.status, noPlan.body.details]).toEqual([
      400,
      [
        { field: 'summary', problems: ['Planen skal udfyldes.'] },
        {
          field: 'runBy',
          problems: [
            'Hvem der kører forløbet skal være politiets exitenhed i samarbejde med kommunen eller kommunens eget exitprogram.',
          ],
        },
      ],
    ]);
    const movedNowhere = await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, {
      outcome: 'moved',
      reasonCode: 'moved_away',
    });
    expect([movedNowhere.status, movedNowhere.body.details]).toEqual([
      400,
      [{ field: 'toPoliceDistrictCode', problems: ['Ved flytning skal den nye politikreds udfyldes.'] }],
    ]);
    const noNote = await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, { outcome: 'other' });
    expect([noNote.status, noNote.body.details]).toEqual([
      400,
      [{ field: 'reason', problems: ['En afslutning skal have en begrundelse.'] }],
    ]);
    const sameDistrict = await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, {
      outcome: 'moved',
      reasonCode: 'moved_away',
      toPoliceDistrictCode: 'POL-KBH',
    });
    expect([sameDistrict.status, sameDistrict.body.message]).toEqual([
      422,
      'Forløbet køres allerede i den politikreds: vælg en anden.',
    ]);
    const beforeStart = await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, {
      outcome: 'completed',
      reasonCode: 'goals_reached',
      endedAt: at(20),
    });
    expect(beforeStart.status).toBe(422);
    const future = await policeExit('POST', `/api/exit-courses/${id}/police-review`, {
      summary: 'Senere.',
      reviewedAt: new Date(Date.now() + DAY_MS).toISOString(),
    });
    expect([future.status, future.body.message]).toEqual([422, 'Opfølgningens tidspunkt ligger i fremtiden.']);
    const notOpen = await policeExit('POST', `/api/exit-courses/${id}/reoffending-check`, { reoffended: 'ja' });
    expect([notOpen.status, notOpen.body.details]).toEqual([
      400,
      [{ field: 'reoffended', problems: ['Ny kriminalitet skal være ja eller nej.'] }],
    ]);
    // Not the municipality's decisions, nor the supervisor's; a case outside the scope is 404.
    expect(
      (
        await municipality('POST', `/api/exit-courses/${id}/police-plan`, {
          summary: 'x',
          runBy: 'municipal_exit_programme',
        })
      ).status,
    ).toBe(403);
    expect((await policeSupervisor('POST', `/api/exit-courses/${id}/police-review`, { summary: 'x' })).status).toBe(
      403,
    );
    const other = await storstroem('POST', '/api/exit-courses', {
      personRef: ok(await storstroem('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() }), 201)
        .personRef,
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2028-01-01',
      paroleLinked: false,
    });
    expect(
      (await policeExit('POST', `/api/exit-courses/${other.body.id}/police-review`, { summary: 'x' })).status,
    ).toBe(404);
    const after = ok(await policeExit('GET', `/api/exit-courses/${id}`));
    expect(after).toEqual(before);
  });

  it('hands a moved course over to the new district; the old one keeps read-only history', async () => {
    const { id } = await courseInPolicePhase(storstroem, policeExit);
    const moved = ok(
      await policeExit('POST', `/api/exit-courses/${id}/police-course-end`, {
        outcome: 'moved',
        reasonCode: 'moved_away',
        toPoliceDistrictCode: 'POL-NORDJYLLAND',
      }),
    );
    expect(moved).toMatchObject({
      status: 'awaiting_handover_decision',
      closedAt: null,
      availableDecisions: [],
      handover: { policeDistrict: { code: 'POL-NORDJYLLAND' } },
      policePhase: { policeDistrict: { code: 'POL-KBH' }, outcome: null },
    });
    expect(stepKinds(moved)).toEqual(['handover_decision']);
    expect((await policeExit('POST', `/api/exit-courses/${id}/police-review`, { summary: 'x' })).status).toBe(403);
    expect(
      await sut.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [id]),
    ).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'read' },
      { org_unit: 'KOM-0101', access: 'write' },
      { org_unit: 'POL-KBH', access: 'read' },
      { org_unit: 'POL-NORDJYLLAND', access: 'write' },
    ]);
    expect(
      await sut.db.query(
        `SELECT recipient_unit FROM notifications WHERE case_id = $1 AND kind = 'handover' ORDER BY created_at`,
        [id],
      ),
    ).toEqual([{ recipient_unit: 'POL-KBH' }, { recipient_unit: 'POL-NORDJYLLAND' }]);
    // The national police supervisor reads it in its new district, with a logged read.
    expect(ok(await nationalPolice('GET', `/api/exit-courses/${id}`)).status).toBe('awaiting_handover_decision');
  });
});
