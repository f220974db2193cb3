import { Client } from 'pg';
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
