/** Made-up names and CPR numbers for tests: valid dates, sequence numbers 0xxx (born 1900s), unique per call. */
let counter = 0;

export function fakeCpr(): string {
  counter += 1;
  const seed = process.pid * 1000 + counter;
  const day = String((seed % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(seed / 28) % 12) + 1).padStart(2, '0');
  const year = String(60 + (Math.floor(seed / 336) % 40)).padStart(2, '0');
  const sequence = String(Math.floor(seed / 13440) % 4000).padStart(4, '0');
  return `${day}${month}${year}-${sequence}`;
}

const FIRST = ['Jens', 'Ali', 'Mikkel', 'Omar', 'Rasmus', 'Yusuf', 'Kasper', 'Ahmad'];
const LAST = ['Testesen', 'Prøvemand', 'Eksempelsen', 'Demosen'];

export function fakeName(): string {
  return `${FIRST[counter % FIRST.length]} ${LAST[Math.floor(counter / FIRST.length) % LAST.length]} ${counter}`;
}
