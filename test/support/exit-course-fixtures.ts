import { randomUUID } from 'node:crypto';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import { addCalendarDays, danishDateOf, formatLocalDate } from '../../libs/domain/time/copenhagen-calendar';
import type { StartExitCourseInput } from '../../libs/domain/exit-course/exit-course.types';
import { fakeCpr, fakeName } from './demo-people';
import type { UserClient } from './system-under-test';

export const CASEWORKER = { id: 'user-kf-storstroem-1' };

/** A course in prison: it has an institution and an expected release date. */
export type PrisonCourseInput = StartExitCourseInput & { institutionCode: string; expectedReleaseDate: string };

export function exitCourseInput(referredAt: Date, overrides: Partial<StartExitCourseInput> = {}): PrisonCourseInput {
  return {
    caseId: randomUUID(),
    personRef: 'P-TEST-0001',
    institutionCode: 'KF-STORSTROEM',
    // Two years after the referral: the test server's clock moves on through a suite's sleeps.
    expectedReleaseDate: formatLocalDate(addCalendarDays(danishDateOf(referredAt), 730)),
    paroleLinked: false,
    referredAt: referredAt.toISOString(),
    deadlines: defaultDeadlinePolicy(),
    actor: CASEWORKER,
    ...overrides,
  } as PrisonCourseInput;
}

export const DAY_MS = 24 * 3600_000;

/**
 * The Danish calendar date `days` days from now, as an expected release date is typed (YYYY-MM-DD). Not the
 * UTC date: from 23:00 or 22:00 UTC Denmark is already on the next day, and a release "15 days ahead" in UTC
 * would be 14 Danish days ahead, inside the readiness warning window.
 */
export function danishDateInDays(days: number, from = new Date()): string {
  return formatLocalDate(addCalendarDays(danishDateOf(from), days));
}

/**
 * Over HTTP, as a Storstrøm caseworker (`client`): registers a new person and starts an exit course at
 * Storstrøm Fængsel referred `referredHoursAgo` hours ago; answers the course's detail.
 */
export async function startStorstroemCourse(
  client: UserClient,
  referredHoursAgo = 72,
): Promise<{ id: string; steps: { id: string; kind: string }[] }> {
  const person = await client('POST', '/api/persons', { name: fakeName(), cpr: await fakeCpr() });
  const started = await client('POST', '/api/exit-courses', {
    personRef: person.body.personRef,
    institutionCode: 'KF-STORSTROEM',
    expectedReleaseDate: '2028-01-01',
    paroleLinked: false,
    referredAt: new Date(Date.now() - referredHoursAgo * 3600_000).toISOString(),
  });
  if (started.status !== 201) throw new Error(`The course did not start: ${started.status}`);
  return started.body;
}

/**
 * Over HTTP: a course referred at Storstrøm 40 days ago, offered, signed, with a mentor, released 10 days ago
 * to Københavns Politi and KOM-0101, and accepted by the exit unit 9 days ago with the municipality: in the
 * police phase. `kf` is a Storstrøm caseworker, `police` Københavns Politi's exit unit.
 */
export async function courseInPolicePhase(
  kf: UserClient,
  police: UserClient,
): Promise<{ id: string; at: (daysAgo: number) => string }> {
  const base = Date.now();
  const at = (daysAgo: number) => new Date(base - daysAgo * DAY_MS).toISOString();
  const { id } = await startStorstroemCourse(kf, 40 * 24);
  const steps: [UserClient, string, object][] = [
    [kf, 'suitability-assessment', { outcome: 'offer', decidedAt: at(35) }],
    [kf, 'agreement-signed', { signedAt: at(30) }],
    [kf, 'mentor', { mentorRef: 'MENTOR-0042', assignedAt: at(25) }],
    [kf, 'release', { releasedAt: at(10), policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101' }],
    [police, 'handover-decision', { decision: 'accept', continuation: 'with_municipality', decidedAt: at(9) }],
  ];
  for (const [client, decision, body] of steps) {
    const answer = await client('POST', `/api/exit-courses/${id}/${decision}`, body);
    if (answer.status !== 200)
      throw new Error(`${decision} was refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { id, at };
}
