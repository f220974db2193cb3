import { PARTICIPANT_ROLES } from '../../libs/domain/youth/network-council.types';
import { DAY_MS, danishDateInDays } from '../support/exit-course-fixtures';
import { fakeCpr, fakeName, fakeYouthCpr } from '../support/demo-people';
import { startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * Every case detail lists the decisions its user may take now (`availableDecisions`), from the case type's
 * decision table: allowed in the case's state, with the role's permission, on a case the user may change.
 * The page renders exactly these forms; here the API's side of that promise, per case type and role.
 */
let sut: SystemUnderTest;
let storstroem: UserClient;
let ennermark: UserClient;
let kfSupervisor: UserClient;
let dks: UserClient;
let policeSupervisor: UserClient;
let municipality: UserClient;

beforeAll(async () => {
  sut = await startSystem();
  storstroem = await sut.as('kf.storstroem');
  ennermark = await sut.as('kf.ennermark');
  kfSupervisor = await sut.as('kf.leder.storstroem');
  dks = await sut.as('politi.kbh.dks');
  policeSupervisor = await sut.as('politi.leder.kbh');
  municipality = await sut.as('kommune.kbh');
});

afterAll(() => sut?.stop());

const names = (detail: Record<string, any>): string[] =>
  detail.availableDecisions.map((decision: { name: string }) => decision.name);

async function startCourse(paroleLinked: boolean): Promise<Record<string, any>> {
  const { body: person } = await storstroem('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const started = await storstroem('POST', '/api/exit-courses', {
    personRef: person.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: danishDateInDays(200),
    paroleLinked,
    referredAt: new Date(Date.now() - 10 * DAY_MS).toISOString(),
  });
  expect(started.status).toBe(201);
  return started.body;
}

describe('an exit course', () => {
  it('offers its caseworker what the status admits, each with the fields its route takes', async () => {
    const course = await startCourse(false);
    expect(names(course)).toEqual([
      'suitability-assessment',
      'transfer',
      'expected-release-date',
      'readiness',
      'interruption',
    ]);
    expect(course.availableDecisions[0]).toEqual({
      name: 'suitability-assessment',
      label: 'Egnethedsvurdering',
      completesStep: 'suitability_assessment',
      fields: [
        { name: 'outcome', kind: 'choice', required: true, choices: ['offer', 'rejection'] },
        { name: 'decidedAt', kind: 'instant', required: false },
        // Why a rejection ends the course (ending-reasons.ts); left out, the reason alone is recorded as `other`.
        {
          name: 'reasonCode',
          kind: 'choice',
          required: false,
          choices: [
            'not_motivated',
            'parole_only',
            'ties_to_gang_environment',
            'security_concerns',
            'too_little_time',
            'other',
          ],
        },
        { name: 'reason', kind: 'text', required: false },
      ],
    });
    // The same answer on a fresh read as on the start.
    expect(names((await storstroem('GET', `/api/exit-courses/${course.id}`)).body)).toEqual(names(course));

    const offered = await storstroem('POST', `/api/exit-courses/${course.id}/suitability-assessment`, {
      outcome: 'offer',
    });
    expect(offered.status).toBe(200);
    expect(names(offered.body)).toEqual([
      'agreement-signed',
      'transfer',
      'expected-release-date',
      'readiness',
      'interruption',
    ]);
    const signed = await storstroem('POST', `/api/exit-courses/${course.id}/agreement-signed`, {});
    expect(names(signed.body)).toEqual([
      'mentor',
      'psychologist-course',
      'transfer',
      'release-plan',
      'expected-release-date',
      'readiness',
      'release',
      'interruption',
    ]);
    const mentored = await storstroem('POST', `/api/exit-courses/${course.id}/mentor`, { mentorRef: 'MENTOR-0042' });
    expect(names(mentored.body)).toContain('mentor-contacts');
  });

  it('offers the joint-assessment input only on a parole-linked course', async () => {
    const course = await startCourse(true);
    expect(names(course)).toEqual([
      'suitability-assessment',
      'assessment-inputs',
      'transfer',
      'expected-release-date',
      'readiness',
      'interruption',
    ]);
  });

  it('offers nothing to a read-only supervisor, to the prison a course left, or on a closed course', async () => {
    const course = await startCourse(false);
    expect((await kfSupervisor('GET', `/api/exit-courses/${course.id}`)).body.availableDecisions).toEqual([]);

    const moved = await storstroem('POST', `/api/exit-courses/${course.id}/transfer`, {
      toInstitutionCode: 'KF-ENNER-MARK',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.availableDecisions).toEqual([]);
    expect(names((await ennermark('GET', `/api/exit-courses/${course.id}`)).body)).toEqual([
      'suitability-assessment',
      'transfer',
      'expected-release-date',
      'readiness',
      'interruption',
    ]);

    const interrupted = await ennermark('POST', `/api/exit-courses/${course.id}/interruption`, {
      by: 'inmate',
      reason: 'Ønsker ikke at fortsætte.',
    });
    expect(interrupted.body.status).toBe('interrupted_by_inmate');
    expect(interrupted.body.availableDecisions).toEqual([]);
  });
});

/** The youth cases' level, offered on every open DKS case and council to those who set it. */
const CASE_LEVEL_DECISION = {
  name: 'case-level',
  label: 'Sagens niveau',
  completesStep: null,
  fields: [
    { name: 'level', kind: 'choice', required: true, choices: ['1', '2', '3'] },
    { name: 'reason', kind: 'text', required: false },
  ],
};

describe('a DKS case and a network council', () => {
  it('offer DKS its assessment, then the home visit; the police supervisor nothing', async () => {
    const { body: youth } = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
    const started = await dks('POST', '/api/dks-cases', {
      personRef: youth.personRef,
      policeDistrictCode: 'POL-KBH',
      trigger: 'charged',
      triggeredAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(started.body.availableDecisions).toEqual([
      {
        name: 'assessment',
        label: 'DKS-vurdering',
        completesStep: 'dks_assessment',
        fields: [
          { name: 'concernConversation', kind: 'boolean', required: true },
          {
            name: 'reasonCode',
            kind: 'choice',
            required: false,
            choices: ['no_concern', 'existing_measure', 'other_authority', 'moved_away', 'other'],
          },
          // Required with a concern conversation, and without one unless a reason code other than `other` is given.
          { name: 'reason', kind: 'text', required: false },
          { name: 'decidedAt', kind: 'instant', required: false },
          { name: 'caseLevel', kind: 'choice', required: false, choices: ['1', '2', '3'] },
        ],
      },
      // An existing action plan may end the case at the assessment; the youth may move at any time.
      {
        name: 'case-end',
        label: 'Afslut sagen uden hjemmebesøg',
        completesStep: null,
        fields: [
          {
            name: 'outcome',
            kind: 'choice',
            required: true,
            choices: ['declined', 'not_reached', 'existing_action_plan'],
          },
          {
            name: 'reasonCode',
            kind: 'choice',
            required: false,
            choices: [
              'no_wish_for_contact',
              'support_elsewhere',
              'no_contact_details',
              'repeated_attempts',
              'municipal_action_plan',
              'other',
            ],
          },
          { name: 'reason', kind: 'text', required: false },
          { name: 'endedAt', kind: 'instant', required: false },
        ],
      },
      {
        name: 'move',
        label: 'Den unge er flyttet til en anden politikreds',
        completesStep: null,
        fields: [
          { name: 'toPoliceDistrictCode', kind: 'text', required: true },
          { name: 'movedAt', kind: 'instant', required: false },
        ],
      },
      CASE_LEVEL_DECISION,
    ]);
    expect((await policeSupervisor('GET', `/api/dks-cases/${started.body.id}`)).body.availableDecisions).toEqual([]);
    const assessed = await dks('POST', `/api/dks-cases/${started.body.id}/assessment`, {
      concernConversation: true,
      reason: 'Sigtet sammen med bandemedlemmer.',
    });
    expect(names(assessed.body)).toEqual(['home-visit-plan', 'home-visit', 'case-end', 'move', 'case-level']);
  });

  it('offers the municipality the invitations, with the fields of each participant', async () => {
    const { body: youth } = await municipality('POST', '/api/persons', {
      name: fakeName(),
      cpr: await fakeYouthCpr(),
    });
    const started = await municipality('POST', '/api/network-councils', {
      personRef: youth.personRef,
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      documentationReceivedAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    expect(started.body.availableDecisions).toEqual([
      {
        name: 'invitations',
        label: 'Indkaldelse',
        completesStep: 'network_council_convening',
        fields: [
          { name: 'invitedAt', kind: 'instant', required: false },
          {
            name: 'participants',
            kind: 'list',
            required: true,
            items: [
              {
                name: 'role',
                kind: 'choice',
                required: true,
                choices: [...PARTICIPANT_ROLES],
              },
            ],
          },
        ],
      },
      {
        name: 'meeting-plan',
        label: 'Planlæg mødet',
        completesStep: null,
        fields: [{ name: 'plannedFor', kind: 'instant', required: true }],
      },
      {
        name: 'expected-release',
        label: 'Forventet løsladelse',
        completesStep: null,
        fields: [{ name: 'expectedReleaseDate', kind: 'date', required: true }],
      },
      {
        name: 'release',
        label: 'Den unge er løsladt',
        completesStep: null,
        fields: [{ name: 'releasedAt', kind: 'instant', required: false }],
      },
      CASE_LEVEL_DECISION,
    ]);
    const invited = await municipality('POST', `/api/network-councils/${started.body.id}/invitations`, {
      participants: [{ role: 'youth' }, { role: 'parents' }],
    });
    expect(names(invited.body)).toEqual(['meeting', 'meeting-plan', 'expected-release', 'release', 'case-level']);
  });
});
