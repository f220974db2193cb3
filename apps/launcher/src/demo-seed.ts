/**
 * Demo data for `npm start` on an empty database, created through the API itself (so it is validated,
 * audited and runs as real workflows), logged in as the demo caseworkers. Idempotency keys and the
 * person register's find-or-create make a re-run harmless.
 */
import { DEMO_SECRETS } from '../../../libs/config/demo-secrets';

const DAY_MS = 24 * 3600_000;

/** An instant `days` days before now. */
type Ago = (days: number) => string;

interface DemoCourse {
  key: string;
  caseworker: 'kf.storstroem' | 'kf.ennermark';
  /** Made-up person (the CPR numbers are not real people's). */
  person: { name: string; cpr: string };
  start: { institutionCode: string; expectedReleaseDate: string; paroleLinked: boolean; referredDaysAgo: number };
  /** Decisions after the start, in order: the path under the case, and its body. */
  decisions?: (ago: Ago) => [string, Record<string, unknown>][];
}

export const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'demo-seed-0001',
    caseworker: 'kf.storstroem',
    person: { name: 'Demo Jensen', cpr: '010190-0001' },
    start: {
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2027-09-30',
      paroleLinked: false,
      referredDaysAgo: 2,
    },
  },
  {
    // Referred 40 days ago and never assessed: overdue at once.
    key: 'demo-seed-0002',
    caseworker: 'kf.storstroem',
    person: { name: 'Demo Hansen', cpr: '020285-0002' },
    start: {
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2027-03-15',
      paroleLinked: true,
      referredDaysAgo: 40,
    },
  },
  {
    key: 'demo-seed-0003',
    caseworker: 'kf.ennermark',
    person: { name: 'Demo Nielsen', cpr: '030392-0003' },
    start: {
      institutionCode: 'KF-ENNER-MARK',
      expectedReleaseDate: '2027-06-01',
      paroleLinked: false,
      referredDaysAgo: 12,
    },
    decisions: (ago) => [['suitability-assessment', { outcome: 'offer', decidedAt: ago(3) }]],
  },
  {
    key: 'demo-seed-0004',
    caseworker: 'kf.ennermark',
    person: { name: 'Demo Pedersen', cpr: '040488-0004' },
    start: {
      institutionCode: 'KF-ENNER-MARK',
      expectedReleaseDate: '2027-01-20',
      paroleLinked: false,
      referredDaysAgo: 20,
    },
    decisions: (ago) => [
      [
        'suitability-assessment',
        {
          outcome: 'rejection',
          decidedAt: ago(5),
          reasonCode: 'not_motivated',
          reason: 'Ikke motiveret for at forlade bandemiljøet på nuværende tidspunkt.',
        },
      ],
    ],
  },
  {
    // An agreement under way: mentor support with contacts, a release plan.
    key: 'demo-seed-0005',
    caseworker: 'kf.storstroem',
    person: { name: 'Demo Larsen', cpr: '050591-0005' },
    start: {
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2027-10-01',
      paroleLinked: false,
      referredDaysAgo: 90,
    },
    decisions: (ago) => [
      ['suitability-assessment', { outcome: 'offer', decidedAt: ago(80) }],
      ['agreement-signed', { signedAt: ago(75) }],
      ['mentor', { mentorRef: 'MENTOR-0042', assignedAt: ago(70) }],
      ['mentor-contacts', { contactAt: ago(60), form: 'meeting', durationMinutes: 90 }],
      ['mentor-contacts', { contactAt: ago(35), form: 'phone', durationMinutes: 20 }],
      ['release-plan', { municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH' }],
    ],
  },
  {
    // Released and handed over: in Københavns Politi's handover inbox (log in as politi.kbh.exit).
    key: 'demo-seed-0006',
    caseworker: 'kf.storstroem',
    person: { name: 'Demo Andersen', cpr: '060689-0006' },
    start: {
      institutionCode: 'KF-STORSTROEM',
      expectedReleaseDate: '2026-12-01',
      paroleLinked: false,
      referredDaysAgo: 200,
    },
    decisions: (ago) => [
      ['suitability-assessment', { outcome: 'offer', decidedAt: ago(190) }],
      ['agreement-signed', { signedAt: ago(185) }],
      ['mentor', { mentorRef: 'MENTOR-0007', assignedAt: ago(180) }],
      ['mentor-contacts', { contactAt: ago(30), form: 'meeting', durationMinutes: 60 }],
      ['release-plan', { municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH' }],
      ['readiness', { item: 'housing', ready: true, note: 'Lejlighed anvist af kommunen' }],
      ['release', { releasedAt: ago(2) }],
    ],
  },
];

/** Youths' cases, so that the boards show every case type: registered by DKS and the municipality. */
interface DemoYouthCase {
  key: string;
  officer: 'politi.kbh.dks' | 'kommune.kbh';
  /** Made-up youths born in 2010 (CPR sequence digit 4: born in the 2000s). */
  person: { name: string; cpr: string };
  path: '/api/dks-cases' | '/api/network-councils';
  body: (personRef: string, hoursAgo: (hours: number) => string) => Record<string, unknown>;
}

export const DEMO_YOUTH_CASES: DemoYouthCase[] = [
  {
    // Observed 30 hours ago: the 24-hour DKS assessment is overdue.
    key: 'demo-seed-youth-0001',
    officer: 'politi.kbh.dks',
    person: { name: 'Demo Ung Madsen', cpr: '150310-4001' },
    path: '/api/dks-cases',
    body: (personRef, hoursAgo) => ({
      personRef,
      policeDistrictCode: 'POL-KBH',
      trigger: 'concerning_behaviour',
      triggeredAt: hoursAgo(30),
    }),
  },
  {
    // Charged 20 hours ago: due in 4 hours, on the due-soon list.
    key: 'demo-seed-youth-0002',
    officer: 'politi.kbh.dks',
    person: { name: 'Demo Ung Olsen', cpr: '220410-4002' },
    path: '/api/dks-cases',
    body: (personRef, hoursAgo) => ({
      personRef,
      policeDistrictCode: 'POL-KBH',
      trigger: 'charged',
      triggeredAt: hoursAgo(20),
    }),
  },
  {
    // The police's documentation received 9 days ago: convening the network council is overdue.
    key: 'demo-seed-youth-0003',
    officer: 'kommune.kbh',
    person: { name: 'Demo Ung Holm', cpr: '030510-4003' },
    path: '/api/network-councils',
    body: (personRef, hoursAgo) => ({
      personRef,
      municipalityCode: 'KOM-0101',
      suspicion: 'charged',
      documentationReceivedAt: hoursAgo(9 * 24),
    }),
  },
];

type Send = (path: string, body: unknown, headers?: Record<string, string>) => Promise<Record<string, unknown>>;

async function loginAs(apiUrl: string, username: string): Promise<Send> {
  const login = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_SECRETS.demoUserPassword }),
  });
  if (!login.ok) throw new Error(`Demo login as ${username} answered ${login.status}: ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (path, body, headers = {}) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, ...headers },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
}

/** Creates the demo cases when there are no cases yet; returns how many it created. */
export async function seedDemoData(apiUrl: string, caseCount: () => Promise<number>): Promise<number> {
  if ((await caseCount()) > 0) return 0;
  const now = Date.now();
  const clients = new Map<string, Send>();
  for (const course of DEMO_COURSES) {
    if (!clients.has(course.caseworker)) clients.set(course.caseworker, await loginAs(apiUrl, course.caseworker));
    const send = clients.get(course.caseworker)!;
    const { personRef } = await send('/api/persons', course.person);
    const { referredDaysAgo, ...start } = course.start;
    const created = await send(
      '/api/exit-courses',
      { ...start, personRef, referredAt: new Date(now - referredDaysAgo * DAY_MS).toISOString() },
      { 'idempotency-key': course.key },
    );
    const ago: Ago = (days) => new Date(now - days * DAY_MS).toISOString();
    for (const [path, body] of course.decisions?.(ago) ?? []) {
      await send(`/api/exit-courses/${created.id}/${path}`, body);
    }
  }
  const hoursAgo = (hours: number) => new Date(now - hours * 3600_000).toISOString();
  for (const youth of DEMO_YOUTH_CASES) {
    if (!clients.has(youth.officer)) clients.set(youth.officer, await loginAs(apiUrl, youth.officer));
    const send = clients.get(youth.officer)!;
    const { personRef } = await send('/api/persons', youth.person);
    await send(youth.path, youth.body(String(personRef), hoursAgo), { 'idempotency-key': youth.key });
  }
  return DEMO_COURSES.length + DEMO_YOUTH_CASES.length;
}
