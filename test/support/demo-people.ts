import { Client } from 'pg';
import { addCalendarDays, danishDateOf } from '../../libs/domain/time/copenhagen-calendar';
import { testDatabaseUrl } from './read-model';

/**
 * Made-up CPR numbers for tests, unique across every test file and worker of a run (a sequence in the
 * test database, created by the global setup): valid dates, sequence digit 0–3 (born in the 1900s).
 */
export async function fakeCpr(): Promise<string> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT nextval('test_cpr_numbers')::int AS n`);
    const n: number = rows[0].n;
    const day = String((n % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
    const year = String(Math.floor(n / 336) % 100).padStart(2, '0');
    const sequence = String(Math.floor(n / 33_600) % 4000).padStart(4, '0');
    return `${day}${month}${year}-${sequence}`;
  } finally {
    await client.end();
  }
}

const FIRST = ['Jens', 'Ali', 'Mikkel', 'Omar', 'Rasmus', 'Yusuf', 'Kasper', 'Ahmad'];
const LAST = ['Testesen', 'Prøvemand', 'Eksempelsen', 'Demosen'];
let names = 0;

export function fakeName(): string {
  names += 1;
  return `${FIRST[names % FIRST.length]} ${LAST[Math.floor(names / FIRST.length) % LAST.length]} ${names}`;
}

/** A made-up CPR number of someone born 2010-2012 (sequence digit 4: born in the 2000s), unique per run. */
export async function fakeYouthCpr(): Promise<string> {
  const adult = await fakeCpr();
  const n = Number(adult.slice(7)) * 336 + Number(adult.slice(0, 2)) - 1 + (Number(adult.slice(2, 4)) - 1) * 28;
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  const year = String(10 + (Math.floor(n / 336) % 3)).padStart(2, '0');
  const sequence = String(4000 + (Math.floor(n / 1008) % 1000));
  return `${day}${month}${year}-${sequence}`;
}

/** A made-up CPR number of a youth whose 18th birthday was `daysAgo` Danish days ago (sequence digit 4), unique per run. */
export async function fakeCprTurned18(daysAgo: number): Promise<string> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT nextval('test_cpr_numbers')::int AS n`);
    const birthday = addCalendarDays(danishDateOf(new Date()), -daysAgo);
    const pad = (value: number) => String(value).padStart(2, '0');
    const sequence = `4${String(rows[0].n % 1000).padStart(3, '0')}`;
    return `${pad(birthday.day)}${pad(birthday.month)}${pad((birthday.year - 18) % 100)}-${sequence}`;
  } finally {
    await client.end();
  }
}
