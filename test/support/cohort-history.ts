import type { ReadModelRecorder } from '../../activities/read-model.activities';
import { type CourseEnd, type CourseSpec, type PolicePhaseSpec, plusDays, recordExitCourse } from './report-history';

/**
 * The ministry's cohort (DOMAIN.md §5) as a known history: 368 agreements entered 1 April 2015 – 28 October
 * 2020 at Fængslet Vestjylland (200) and Anstalten ved Herstedvester (168), 158 of them handed over to the
 * police exit units, the other 210 interrupted, 8 persons with two agreements; 27 handovers and 20
 * interruptions fall after 28 October 2020, so the cohort and the period's activity differ. After the
 * handover the police phase runs with the outcomes police-phase.types.ts documents. Two courses the police
 * started outside prison, which Kriminalforsorgen does not see. Positions (0–367) name the courses below.
 *
 * Vestjylland 0–199: continued with a police phase 0–99 (completed 0–39 — reoffending checked: 0–4 yes,
 * 5–24 no, 25 only after AS_OF —, dropped out 40–54, closed by the police 55–64, new crime 65–69, other
 * 70–74, moved and then completed 75–79, moved and closed at once by the new district 80–82, still running
 * 83–99: released after 28 October 2020, 98–99 ending only after AS_OF); continued in the municipal
 * programme before the police phase existed 100–129; interrupted by the inmate 130–199 (194–199 after
 * 28 October 2020). Herstedvester 200–367: closed at once by the exit unit 200–217; awaiting the exit unit's
 * decision 218–227 (handed over after 28 October 2020, 218–219 declined and handed over again); interrupted
 * by the inmate 228–287 (282–287 after), by Kriminalforsorgen 288–367 (360–367 after).
 */
export const COHORT_PERIOD = { from: '2015-04-01', to: '2020-10-28' } as const;
/** The day the figures are made up as of: every course but 98–99 (and the check of 25) has its end by then. */
export const AS_OF = '2022-12-31';

const FIRST_AGREEMENT = '2015-05-01T10:00:00.000Z';
const AFTER_TO = '2020-11-02T10:00:00.000Z';
const AFTER_AS_OF = '2023-06-01T10:00:00.000Z';

/** Pairs of positions held by the same person: four at Vestjylland, three at Herstedvester, one across. */
const SAME_PERSON: [number, number][] = [
  [0, 100],
  [1, 101],
  [2, 102],
  [3, 103],
  [200, 300],
  [201, 301],
  [202, 302],
  [130, 228],
];

/** Mentor contacts: days after the agreement (`+`) or after the release (`r+`), and minutes. */
const MENTOR: Record<number, { at: (agreementAt: string, releasedAt: string) => string; minutes: number }[]> = {
  // 90 minutes in prison, 120 with the police's mentor after the release.
  0: [
    { at: (agreement) => plusDays(agreement, 10), minutes: 60 },
    { at: (agreement) => plusDays(agreement, 11), minutes: 30 },
    { at: (_, release) => plusDays(release, 30), minutes: 120 },
  ],
  // 45 minutes in prison inside the period, 60 after a release after it.
  83: [
    { at: () => '2020-06-01T10:00:00.000Z', minutes: 45 },
    { at: (_, release) => plusDays(release, 10), minutes: 45 },
    { at: (_, release) => plusDays(release, 20), minutes: 15 },
  ],
  130: [{ at: (agreement) => plusDays(agreement, 10), minutes: 90 }],
  // The person of 200 and 300: 30 + 60 minutes in prison, 30 after the release of 200.
  300: [{ at: (agreement) => plusDays(agreement, 10), minutes: 30 }],
  200: [
    { at: (agreement) => plusDays(agreement, 10), minutes: 60 },
    { at: (_, release) => plusDays(release, 10), minutes: 30 },
  ],
  // After AS_OF: in no figure.
  50: [{ at: () => AFTER_AS_OF, minutes: 500 }],
};

function policePhase(position: number, acceptedAt: string): PolicePhaseSpec | undefined {
  const endAt = plusDays(acceptedAt, 300);
  const end = (outcome: NonNullable<PolicePhaseSpec['end']>['outcome']) => ({ at: endAt, outcome });
  const moved = (continuation: 'with_municipality' | 'closed') => ({ at: plusDays(acceptedAt, 100), continuation });
  if (position < 40)
    return {
      end: end('completed'),
      ...(position < 25
        ? { reoffendingCheck: { at: plusDays(endAt, 365), reoffended: position < 5 } }
        : position === 25
          ? { reoffendingCheck: { at: AFTER_AS_OF, reoffended: true } }
          : {}),
    };
  if (position < 55) return { end: end('dropped_out') };
  if (position < 65) return { end: end('closed_by_police') };
  if (position < 70) return { end: end('new_crime') };
  if (position < 75) return { end: end('other') };
  if (position < 80) return { moved: moved('with_municipality'), end: end('completed') };
  if (position < 83) return { moved: moved('closed') };
  if (position >= 98) return { end: { at: AFTER_AS_OF, outcome: 'completed' } };
  return {};
}

function endOf(position: number, agreementAt: string): CourseEnd {
  const releasedAt = plusDays(agreementAt, 150);
  const late = (offset: number) => plusDays(AFTER_TO, offset);
  if (position < 100) {
    const at = position >= 83 ? late(position) : releasedAt;
    return { kind: 'handed_over', at, police: policePhase(position, plusDays(at, 3)) };
  }
  if (position < 130) return { kind: 'handed_over', at: releasedAt, continuation: 'municipal_exit_programme' };
  if (position < 200) return interruption('inmate', position, position >= 194 ? late(position - 190) : releasedAt);
  if (position < 218) return { kind: 'handed_over', at: releasedAt, continuation: 'closed' };
  if (position < 228)
    return { kind: 'handed_over', at: late(position - 200), continuation: 'pending', redirected: position < 220 };
  if (position < 288) return interruption('inmate', position, position >= 282 ? late(position - 270) : releasedAt);
  return interruption('kriminalforsorgen', position, position >= 360 ? late(position - 340) : releasedAt);
}

/**
 * Interruption reasons. By the inmate: own wish 100, back in the gang environment 20, other 10 (5 of them
 * recorded before reason codes, without one). By Kriminalforsorgen: breach of the agreement 40, new crime
 * 25, security concerns 15.
 */
function interruption(kind: 'inmate' | 'kriminalforsorgen', position: number, at: string): CourseEnd {
  if (kind === 'kriminalforsorgen') {
    const index = position - 288;
    const reasonCode = index < 40 ? 'agreement_breach' : index < 65 ? 'new_crime' : 'security_concerns';
    return { kind, at, reasonCode };
  }
  // Vestjylland's 70 (130–199) and Herstedvester's 60 (228–287) as one list of 130.
  const index = position < 200 ? position - 130 : position - 228 + 70;
  if (index < 100) return { kind, at, reasonCode: 'own_wish' };
  if (index < 120) return { kind, at, reasonCode: 'back_in_gang_environment' };
  return index < 125 ? { kind, at, reasonCode: 'other' } : { kind, at };
}

export function cohortSpecs(): CourseSpec[] {
  const personOf = (position: number): string => {
    const pair = SAME_PERSON.find(([, second]) => second === position);
    return `P-COHORT-${pair ? pair[0] : position}`;
  };
  const specs: CourseSpec[] = [];
  for (let position = 0; position < 368; position++) {
    // 00:30 on 1 April 2015 in Copenhagen (summer time): the period's first moment but half an hour.
    const agreementAt = position === 0 ? '2015-03-31T22:30:00.000Z' : plusDays(FIRST_AGREEMENT, 5 * position);
    const end = endOf(position, agreementAt);
    specs.push({
      unit: position < 200 ? 'KF-VESTJYLLAND' : 'KF-HERSTEDVESTER',
      personRef: personOf(position),
      referredAt: plusDays(agreementAt, -20),
      agreementAt,
      end,
      mentorContacts: (MENTOR[position] ?? []).map((contact) => ({
        at: contact.at(agreementAt, end.at),
        minutes: contact.minutes,
      })),
    });
  }
  return specs;
}

/** Outside the cohort: an agreement a minute before the period, and one at midnight after it. */
const OUTSIDE_COHORT: CourseSpec[] = [
  {
    unit: 'KF-VESTJYLLAND',
    personRef: 'P-COHORT-BEFORE',
    referredAt: '2015-03-01T10:00:00Z',
    agreementAt: '2015-03-31T21:59:00Z',
    end: { kind: 'inmate', at: '2015-06-01T10:00:00Z', reasonCode: 'own_wish' },
  },
  {
    unit: 'KF-VESTJYLLAND',
    personRef: 'P-COHORT-AFTER',
    referredAt: '2020-10-01T10:00:00Z',
    agreementAt: '2020-10-28T23:00:00Z',
    end: { kind: 'handed_over', at: '2021-03-01T10:00:00Z' },
  },
];

/** Started by Københavns Politi and by the municipality outside prison: the police see them, Kriminalforsorgen not. */
const OUTSIDE_PRISON: CourseSpec[] = [
  {
    unit: 'POL-KBH',
    personRef: 'P-COHORT-POLICE',
    referralSource: 'police',
    referredAt: '2019-01-10T10:00:00Z',
    agreementAt: '2019-02-01T10:00:00Z',
    end: {
      kind: 'outside_prison',
      at: '2019-02-01T10:00:00Z',
      police: { end: { at: '2020-02-01T10:00:00Z', outcome: 'completed' } },
    },
    mentorContacts: [{ at: '2019-03-01T10:00:00Z', minutes: 60 }],
  },
  {
    unit: 'POL-KBH',
    personRef: 'P-COHORT-CONCERN-LETTER',
    referralSource: 'concern_letter',
    referredAt: '2020-05-10T10:00:00Z',
    agreementAt: '2020-06-01T10:00:00Z',
    end: { kind: 'outside_prison', at: '2020-06-01T10:00:00Z' },
  },
];

export async function recordCohortHistory(recorder: ReadModelRecorder): Promise<void> {
  for (const spec of [...cohortSpecs(), ...OUTSIDE_COHORT, ...OUTSIDE_PRISON]) await recordExitCourse(recorder, spec);
}
