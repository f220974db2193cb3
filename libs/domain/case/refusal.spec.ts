import { CLOCK_SKEW_MS, REFUSAL_FAILURE_TYPES, refusalKindOfFailure, refuseMoment } from './refusal';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('refuseMoment: a stated moment is real, after its floors, and not in the future', () => {
  it('refuses what is not an instant', () => {
    expect(refuseMoment('Tidspunktet', 'i går', NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Tidspunktet er ikke et gyldigt tidspunkt.',
    });
  });

  it('names the first floor the moment lies before, in the order given', () => {
    const floors = [
      { at: '2026-02-01T00:00:00.000Z', text: 'henvisningen' },
      { at: '2026-02-20T00:00:00.000Z', text: 'seneste registrering' },
    ];
    expect(refuseMoment('Tidspunktet', '2026-01-31T23:59:59.999Z', NOW, floors)?.message).toBe(
      'Tidspunktet ligger før henvisningen (01.02.2026 kl. 01.00).',
    );
    expect(refuseMoment('Tidspunktet', '2026-02-19T23:59:59.999Z', NOW, floors)?.message).toBe(
      'Tidspunktet ligger før seneste registrering (20.02.2026 kl. 01.00).',
    );
    expect(refuseMoment('Tidspunktet', '2026-02-20T00:00:00.000Z', NOW, floors)).toBeUndefined();
  });

  it('allows the clock skew into the future, and not a millisecond more', () => {
    expect(CLOCK_SKEW_MS).toBe(5 * 60_000);
    expect(refuseMoment('Tidspunktet', at(CLOCK_SKEW_MS), NOW)).toBeUndefined();
    expect(refuseMoment('Tidspunktet', at(CLOCK_SKEW_MS + 1), NOW)).toEqual({
      kind: 'invalid-data',
      message: 'Tidspunktet ligger i fremtiden.',
    });
  });
});

describe('refusal failure types', () => {
  it('map each kind to its failure type and back; an unknown type is no refusal', () => {
    expect(REFUSAL_FAILURE_TYPES).toEqual({
      'illegal-transition': 'IllegalTransition',
      'invalid-data': 'InvalidDomainData',
    });
    expect(refusalKindOfFailure('IllegalTransition')).toBe('illegal-transition');
    expect(refusalKindOfFailure('InvalidDomainData')).toBe('invalid-data');
    expect(refusalKindOfFailure('ReadModelRejected')).toBeUndefined();
    expect(refusalKindOfFailure(null)).toBeUndefined();
  });
});
