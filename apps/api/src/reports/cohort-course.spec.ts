import { classifyCourse, cohortCounts, median, mentorHours, type CohortEvent } from './cohort-course';
import { COHORT_DEFINITIONS, COHORT_FIGURES, cohortDefinitions } from './cohort-definitions';
import { danishLongDate } from './question-1903';

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const event = (action: string, day: string, details: Record<string, unknown> = {}, reasonCode: string | null = null) =>
  ({ action, occurredAt: at(day), details, reasonCode }) satisfies CohortEvent;
const classify = (events: CohortEvent[], mentorContacts: { at: Date; minutes: number }[] = []) =>
  classifyCourse({ events, mentorContacts });

const released = [event('released', '2021-01-01'), event('handed_over', '2021-01-01')];
const continued = event('handover_accepted', '2021-01-04', { continuation: 'with_municipality' });

describe('classifyCourse', () => {
  it('keeps a course without later events at Kriminalforsorgen', () => {
    expect(classify([]).state).toEqual({ phase: 'at_kriminalforsorgen' });
  });

  it('takes the interruption, its side and its reason code (none recorded: other)', () => {
    expect(classify([event('course_interrupted', '2020-05-01', { by: 'inmate' }, 'own_wish')]).state).toEqual({
      phase: 'interrupted',
      by: 'inmate',
      reasonCode: 'own_wish',
    });
    expect(classify([event('course_interrupted', '2020-05-01', { by: 'kriminalforsorgen' })]).state).toEqual({
      phase: 'interrupted',
      by: 'kriminalforsorgen',
      reasonCode: 'other',
    });
  });

  it('follows a handover: awaiting, closed at once, continued', () => {
    expect(classify(released)).toMatchObject({ handedOver: true, state: { phase: 'awaiting_handover_decision' } });
    // Declined, awaiting another district.
    expect(classify([...released, event('handover_declined', '2021-01-02')]).state.phase).toBe(
      'awaiting_handover_decision',
    );
    expect(classify([...released, event('handover_accepted', '2021-01-04', { continuation: 'closed' })]).state).toEqual(
      { phase: 'closed_at_handover' },
    );
    expect(classify([...released, continued]).state).toEqual({ phase: 'with_police', via: 'handover' });
  });

  it('takes the last end that is not a move, and a closure after a move as closed by the police', () => {
    const moved = event('police_course_ended', '2021-06-01', { outcome: 'moved', toPoliceDistrictCode: 'POL-FYN' });
    const afterMove = (...later: CohortEvent[]) =>
      classify([...released, continued, moved, event('handed_over', '2021-06-01'), ...later]).state;
    expect(afterMove()).toEqual({ phase: 'with_police', via: 'handover' });
    expect(
      afterMove(
        event('handover_accepted', '2021-06-03', { continuation: 'with_municipality' }),
        event('police_course_ended', '2022-01-01', { outcome: 'dropped_out' }),
      ),
    ).toEqual({ phase: 'ended_with_police', via: 'handover', outcome: 'dropped_out' });
    expect(afterMove(event('handover_accepted', '2021-06-03', { continuation: 'closed' }))).toEqual({
      phase: 'ended_with_police',
      via: 'handover',
      outcome: 'closed_by_police',
    });
  });

  it('puts a police phase without a handover outside prison, and keeps the last reoffending check', () => {
    const outside = classify([
      event('police_course_started', '2020-01-01', { via: 'agreement' }),
      event('police_course_ended', '2020-12-01', { outcome: 'completed' }),
      event('reoffending_checked', '2021-12-01', { reoffended: true }),
      event('reoffending_checked', '2021-12-15', { reoffended: false }),
    ]);
    expect(outside).toMatchObject({
      handedOver: false,
      reoffended: false,
      state: { phase: 'ended_with_police', via: 'outside_prison', outcome: 'completed' },
    });
  });

  it('counts an acceptance before the release only at a handover to that district', () => {
    const early = event('handover_accepted', '2020-12-20', {
      continuation: 'with_municipality',
      policeDistrictCode: 'POL-KBH',
      beforeRelease: true,
    });
    const releasedTo = (district: string) => [
      event('released', '2021-01-01'),
      event('handed_over', '2021-01-01', { policeDistrictCode: district }),
    ];
    expect(classify([early]).state).toEqual({ phase: 'at_kriminalforsorgen' });
    expect(classify([early, ...releasedTo('POL-KBH')]).state).toEqual({ phase: 'with_police', via: 'handover' });
    // The plan (or the release) named another district: the acceptance lapsed and that district decides.
    expect(classify([early, ...releasedTo('POL-FYN')]).state).toEqual({ phase: 'awaiting_handover_decision' });
  });

  it('keeps a course started outside prison that moves outside prison, and a closure after the move ended', () => {
    const moved = [
      event('police_course_started', '2020-01-01', { via: 'agreement' }),
      event('police_course_ended', '2020-06-01', { outcome: 'moved', toPoliceDistrictCode: 'POL-FYN' }),
      event('handed_over', '2020-06-01', { policeDistrictCode: 'POL-FYN' }),
    ];
    expect(classify(moved)).toMatchObject({
      handedOver: false,
      state: { phase: 'with_police', via: 'outside_prison' },
    });
    expect(classify([...moved, event('handover_accepted', '2020-06-03', { continuation: 'closed' })])).toMatchObject({
      handedOver: false,
      // Closed at the new district's decision: no police phase ended, so no reoffending check follows.
      checkFollows: false,
      state: { phase: 'ended_with_police', via: 'outside_prison', outcome: 'closed_by_police' },
    });
  });

  it('splits mentor contacts at the release: one at the very moment is after it', () => {
    const { mentor } = classify(released, [
      { at: at('2020-12-31'), minutes: 30 },
      { at: at('2021-01-01'), minutes: 45 },
      { at: at('2021-02-01'), minutes: 0 },
    ]);
    expect(mentor).toEqual({
      before_release: { minutes: 30, contacts: 1 },
      after_release: { minutes: 45, contacts: 2 },
    });
    expect(classify([], [{ at: at('2030-01-01'), minutes: 20 }]).mentor.before_release.minutes).toBe(20);
  });
});

describe('cohortCounts', () => {
  it('counts persons once, drop-outs in prison and with the police together', () => {
    const inmate = classify([event('course_interrupted', '2020-05-01', { by: 'inmate' })]);
    const policeDropOut = classify([
      ...released,
      continued,
      event('police_course_ended', '2022-01-01', { outcome: 'dropped_out' }),
    ]);
    const counts = cohortCounts([
      { personRef: 'A', classified: inmate },
      { personRef: 'A', classified: policeDropOut },
      { personRef: 'B', classified: classify([]) },
    ]);
    expect(counts).toMatchObject({
      agreementsEntered: 3,
      persons: 2,
      personsWithMoreThanOneAgreement: 1,
      stillAtKriminalforsorgen: 1,
      handedOver: 1,
      continuedByPolice: 1,
      endedWithPolice: 1,
      droppedOut: 2,
      droppedOutWithPolice: 1,
      reoffendingNotChecked: 1,
    });
  });
});

describe('median and mentor hours per person', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect([median([]), median([5]), median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([0, 5, 2, 2.5]);
  });

  it('averages over every agreement holder and over those with a contact, adding a person’s courses', () => {
    const withContacts = (minutes: number[]) =>
      classify(
        [],
        minutes.map((m) => ({ at: at('2020-01-01'), minutes: m })),
      );
    const hours = mentorHours('all', [
      { personRef: 'A', classified: withContacts([60]) },
      { personRef: 'A', classified: withContacts([30]) },
      { personRef: 'B', classified: withContacts([45]) },
      { personRef: 'C', classified: withContacts([]) },
    ]);
    // A 90, B 45, C 0 minutes.
    expect(hours).toEqual({
      part: 'all',
      minutesTotal: 135,
      hoursTotal: 2.25,
      agreementHolders: 3,
      personsWithContact: 2,
      meanHoursPerAgreementHolder: 0.75,
      medianHoursPerAgreementHolder: 0.75,
      meanHoursPerPersonWithContact: 1.13,
      medianHoursPerPersonWithContact: 1.13,
    });
    expect(mentorHours('after_release', [{ personRef: 'C', classified: withContacts([]) }])).toMatchObject({
      personsWithContact: 0,
      meanHoursPerPersonWithContact: 0,
      medianHoursPerPersonWithContact: 0,
    });
  });
});

describe('the definitions', () => {
  it('define every figure in Danish, and are served in the figures’ order', () => {
    for (const figure of COHORT_FIGURES) {
      expect(COHORT_DEFINITIONS[figure].label.length).toBeGreaterThan(3);
      expect(COHORT_DEFINITIONS[figure].definition).toMatch(/\.$/);
    }
    expect(
      cohortDefinitions()
        .map((definition) => definition.figure)
        .slice(0, COHORT_FIGURES.length),
    ).toEqual([...COHORT_FIGURES]);
  });

  it('writes dates as a Danish sentence does', () => {
    expect([danishLongDate('2015-04-01'), danishLongDate('2020-10-28')]).toEqual(['1. april 2015', '28. oktober 2020']);
  });
});
