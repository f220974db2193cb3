/**
 * Demo exit courses for `npm start` on an empty database, created through the API itself (so they are
 * validated, audited and run as real workflows). Idempotency keys make a re-run harmless.
 */
const DAY_MS = 24 * 3600_000;

interface DemoCourse {
  key: string;
  start: { personRef: string; institutionCode: string; expectedReleaseDate: string; paroleLinked: boolean; referredDaysAgo: number };
  assessment?: { outcome: 'offer' | 'rejection'; daysAgo: number; reason?: string };
}

const DEMO_COURSES: DemoCourse[] = [
  {
    key: 'demo-seed-0001',
    start: { personRef: 'P-DEMO-0001', institutionCode: 'KF-STORSTROEM', expectedReleaseDate: '2027-09-30', paroleLinked: false, referredDaysAgo: 2 },
  },
  {
    // Referred 40 days ago and never assessed: overdue at once.
    key: 'demo-seed-0002',
    start: { personRef: 'P-DEMO-0002', institutionCode: 'KF-ENNER-MARK', expectedReleaseDate: '2027-03-15', paroleLinked: true, referredDaysAgo: 40 },
  },
  {
    key: 'demo-seed-0003',
    start: { personRef: 'P-DEMO-0003', institutionCode: 'KF-NYBORG', expectedReleaseDate: '2027-06-01', paroleLinked: false, referredDaysAgo: 12 },
    assessment: { outcome: 'offer', daysAgo: 3 },
  },
  {
    key: 'demo-seed-0004',
    start: { personRef: 'P-DEMO-0004', institutionCode: 'KF-OESTJYLLAND', expectedReleaseDate: '2027-01-20', paroleLinked: false, referredDaysAgo: 20 },
    assessment: { outcome: 'rejection', daysAgo: 5, reason: 'Ikke motiveret for at forlade bandemiljøet på nuværende tidspunkt.' },
  },
];

async function send(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ id: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** Creates the demo courses when there are no exit courses yet; returns how many it created. */
export async function seedDemoData(apiUrl: string): Promise<number> {
  const list = (await (await fetch(`${apiUrl}/api/exit-courses?pageSize=1`)).json()) as { total: number };
  if (list.total > 0) return 0;
  const now = Date.now();
  for (const course of DEMO_COURSES) {
    const { referredDaysAgo, ...start } = course.start;
    const created = await send(
      `${apiUrl}/api/exit-courses`,
      { ...start, referredAt: new Date(now - referredDaysAgo * DAY_MS).toISOString() },
      { 'idempotency-key': course.key },
    );
    if (course.assessment) {
      const { daysAgo, ...assessment } = course.assessment;
      await send(`${apiUrl}/api/exit-courses/${created.id}/suitability-assessment`, {
        ...assessment,
        decidedAt: new Date(now - daysAgo * DAY_MS).toISOString(),
      });
    }
  }
  return DEMO_COURSES.length;
}
