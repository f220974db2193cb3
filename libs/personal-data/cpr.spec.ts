import { ageOn, checkCpr, maskCpr } from './cpr';

const FORMAT = 'CPR-nummeret skal have formen DDMMÅÅ-XXXX.';
const DATE = 'CPR-nummeret indeholder ikke en gyldig fødselsdato.';

describe('checkCpr', () => {
  it('accepts DDMMYY-SSSS and DDMMYYSSSS and normalizes to 10 digits', () => {
    expect(checkCpr('010190-1234')).toEqual({ ok: true, normalized: '0101901234', birthDate: '1990-01-01' });
    expect(checkCpr('0101901234')).toEqual({ ok: true, normalized: '0101901234', birthDate: '1990-01-01' });
  });

  it('trims surrounding whitespace', () => {
    expect(checkCpr('  241108-4321\n')).toEqual({ ok: true, normalized: '2411084321', birthDate: '2008-11-24' });
  });

  it('puts sequence digits 0–3 in the 1900s whatever the year', () => {
    expect(checkCpr('010100-0000')).toMatchObject({ ok: true, birthDate: '1900-01-01' });
    expect(checkCpr('311299-3999')).toMatchObject({ ok: true, birthDate: '1999-12-31' });
    expect(checkCpr('010110-2000')).toMatchObject({ ok: true, birthDate: '1910-01-01' });
  });

  it.each([
    ['4', '36', '2036'],
    ['4', '37', '1937'],
    ['9', '36', '2036'],
    ['9', '37', '1937'],
    ['4', '00', '2000'],
    ['9', '99', '1999'],
  ])('sequence starting with %s and year %s gives %s', (digit, yy, year) => {
    expect(checkCpr(`1506${yy}-${digit}123`)).toEqual({
      ok: true,
      normalized: `1506${yy}${digit}123`,
      birthDate: `${year}-06-15`,
    });
  });

  it.each([
    ['5', '57', '2057'],
    ['5', '58', '1858'],
    ['6', '57', '2057'],
    ['7', '58', '1858'],
    ['8', '57', '2057'],
    ['8', '58', '1858'],
    ['5', '00', '2000'],
    ['8', '99', '1899'],
  ])('sequence starting with %s and year %s gives %s', (digit, yy, year) => {
    expect(checkCpr(`0103${yy}${digit}000`)).toMatchObject({ ok: true, birthDate: `${year}-03-01` });
  });

  it('accepts 29 February only in a leap year of the right century', () => {
    expect(checkCpr('290200-4123')).toEqual({ ok: true, normalized: '2902004123', birthDate: '2000-02-29' });
    // Sequence 0–3 puts 00 in 1900, which was not a leap year.
    expect(checkCpr('290200-1123')).toEqual({ ok: false, message: DATE });
    expect(checkCpr('290201-4123')).toEqual({ ok: false, message: DATE });
    expect(checkCpr('290260-5123')).toEqual({ ok: true, normalized: '2902605123', birthDate: '1860-02-29' });
    expect(checkCpr('290204-1123')).toEqual({ ok: true, normalized: '2902041123', birthDate: '1904-02-29' });
  });

  it('does not require modulus 11', () => {
    // 0101901234: weights 4,3,2,7,6,5,4,3,2,1 give 4·0+3·1+2·0+7·1+6·9+5·0+4·1+3·2+2·3+1·4 = 84, not divisible by 11.
    expect(checkCpr('0101901234').ok).toBe(true);
  });

  it.each(['310499-1234', '000190-1234', '010090-1234', '011390-1234', '320190-1234', '310990-1234'])(
    'refuses %s as not a real date',
    (input) => {
      expect(checkCpr(input)).toEqual({ ok: false, message: DATE });
    },
  );

  it.each([
    '',
    '   ',
    '0101AB-1234',
    '010190-123A',
    '010190123',
    '01019012345',
    '010190-12345',
    '010190 1234',
    '010190--1234',
    '0101-901234',
    '010190/1234',
    '010190–1234', // en dash
    '０１０１９０１２３４', // full-width digits
    'x010190-1234',
  ])('refuses %j as malformed', (input) => {
    expect(checkCpr(input)).toEqual({ ok: false, message: FORMAT });
  });
});

describe('maskCpr', () => {
  it('shows the birth date part and hides the sequence number', () => {
    expect(maskCpr('0101901234')).toBe('010190-XXXX');
    expect(maskCpr('2902004123')).toBe('290200-XXXX');
  });

  it('refuses input that is not a normalized CPR number', () => {
    expect(() => maskCpr('010190-1234')).toThrow('maskCpr expects a normalized CPR number of 10 digits.');
  });
});

describe('ageOn', () => {
  it('turns a year older at Copenhagen midnight, which is 23:00 UTC the evening before in winter', () => {
    // 25 November 2008; 2026-11-24T23:30Z is 00:30 on 25 November in Copenhagen.
    expect(ageOn('2008-11-25', new Date('2026-11-24T22:59:59Z'))).toBe(17);
    expect(ageOn('2008-11-25', new Date('2026-11-24T23:30:00Z'))).toBe(18);
    expect(ageOn('2008-11-25', new Date('2026-11-25T12:00:00Z'))).toBe(18);
  });

  it('uses 22:00 UTC as local midnight in summer', () => {
    expect(ageOn('2008-07-02', new Date('2026-07-01T21:59:59Z'))).toBe(17);
    expect(ageOn('2008-07-02', new Date('2026-07-01T22:00:00Z'))).toBe(18);
  });

  it('is 0 on the day of birth and counts across the year end', () => {
    expect(ageOn('2026-01-01', new Date('2025-12-31T23:00:00Z'))).toBe(0);
    expect(ageOn('2008-12-31', new Date('2026-12-31T22:59:59Z'))).toBe(18);
    expect(ageOn('2008-12-31', new Date('2026-12-31T23:00:00Z'))).toBe(18);
    expect(ageOn('2008-12-31', new Date('2026-12-30T22:59:59Z'))).toBe(17);
  });

  it('lets someone born 29 February age on 1 March in non-leap years and on 29 February in leap years', () => {
    expect(ageOn('2008-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-02-28T22:59:59Z'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-02-28T23:00:00Z'))).toBe(18); // 1 March, 00:00 local
    expect(ageOn('2008-02-29', new Date('2028-02-28T22:59:59Z'))).toBe(19);
    expect(ageOn('2008-02-29', new Date('2028-02-28T23:00:00Z'))).toBe(20); // 29 February, 00:00 local
  });

  it('works with birth dates from checkCpr', () => {
    const checked = checkCpr('251108-4321');
    if (!checked.ok) throw new Error('expected a valid CPR number');
    expect(ageOn(checked.birthDate, new Date('2026-11-24T23:30:00Z'))).toBe(18);
  });

  it('refuses a birth date that is not a real YYYY-MM-DD date', () => {
    expect(() => ageOn('2008-02-30', new Date())).toThrow('ageOn expects a birth date as a real YYYY-MM-DD date.');
    expect(() => ageOn('25-11-2008', new Date())).toThrow('ageOn expects a birth date as a real YYYY-MM-DD date.');
  });
});
