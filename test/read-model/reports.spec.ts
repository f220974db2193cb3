import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { ExitCourseFiguresRepository } from '../../apps/api/src/reports/exit-course-figures.repository';
import { exitCourseCsv, slaCsv } from '../../apps/api/src/reports/report-csv';
import { reportPeriod } from '../../apps/api/src/reports/report-period';
import type { ExitCourseFigures } from '../../apps/api/src/reports/report.views';
import { SlaFiguresRepository } from '../../apps/api/src/reports/sla-figures.repository';
import type { AuthenticatedUser } from '../../libs/access/authenticated-user';
import type { Role } from '../../libs/domain/organisations/roles';
import type { CaseAction, CaseEventRecord, CaseTransition } from '../../libs/domain/case/case-transition';
import type { Organisation } from '../../libs/domain/organisations/organisation-units';
import { openReadModel } from '../support/read-model';
import {
  NO_EXIT_COURSE_FIGURES,
  plusDays,
  recordExitCourse,
  recordStep,
  type CourseEnd,
  type CourseSpec,
  type StepSpec,
} from '../support/report-history';

/**
 * The ministry's question (DOMAIN.md §1) answered from a known history: 368 agreements entered from
 * 1 April 2015 to 28 October 2020, 158 handed over to police exit units, the other 210 interrupted.
 * The suite shares its database with others; their cases lie years after these periods, and every
 * course here has ended by 2021, so neither side's figures see the other's. The units are ones no demo
 * user works for, so these hundreds of cases stay out of the other suites' lists too.
 */
const PERIOD = reportPeriod('2015-04-01', '2020-10-28');

const user = (role: Role, organisation: Organisation, units: string[]): AuthenticatedUser => ({
  id: `report-${role}-${units.join('-') || organisation}`,
  username: 'report.test',
  displayName: 'Report test',
  role,
  organisation,
  units,
});
const NATIONAL_KF = user('national_supervisor', 'kriminalforsorgen', []);
const VESTJYLLAND_SUPERVISOR = user('supervisor', 'kriminalforsorgen', ['KF-VESTJYLLAND']);
const NATIONAL_POLICE = user('national_supervisor', 'politi', []);
const NORDJYLLAND_POLICE_SUPERVISOR = user('supervisor', 'politi', ['POL-NORDJYLLAND']);
const ESBJERG_MUNICIPALITY_SUPERVISOR = user('supervisor', 'kommune', ['KOM-0561']);

/** Per institution: how the period's agreements ended. */
const PLAN = [
  { unit: 'KF-VESTJYLLAND', handedOver: 90, inmate: 70, kriminalforsorgen: 40 },
  { unit: 'KF-HERSTEDVESTER', handedOver: 50, inmate: 45, kriminalforsorgen: 25 },
  { unit: 'KF-OESTJYLLAND', handedOver: 18, inmate: 20, kriminalforsorgen: 10 },
] as const;

/** Agreements four days apart from 1 May 2015, each ending 120 days after it was entered. */
const FIRST_AGREEMENT = '2015-05-01T10:00:00.000Z';

let db: DataSource;
let recorder: ReadModelRecorder;
let exitCourseFigures: ExitCourseFiguresRepository;
let slaFigures: SlaFiguresRepository;

beforeAll(async () => {
  db = await openReadModel();
  recorder = new ReadModelRecorder(db);
  exitCourseFigures = new ExitCourseFiguresRepository(db);
  slaFigures = new SlaFiguresRepository(db);
  await recordExitCourseHistory();
  await recordSlaHistory();
});

afterAll(() => db?.destroy());

/** The person of the `index`-th agreement at a unit; some come back for a second agreement. */
function personOf(unit: string, index: number): string {
  // Six Vestjylland persons and three Herstedvester persons have a second agreement there, 100 / 60 agreements later.
  if (unit === 'KF-VESTJYLLAND' && index >= 100 && index < 106) return personOf(unit, index - 100);
  if (unit === 'KF-HERSTEDVESTER' && index >= 60 && index < 63) return personOf(unit, index - 60);
  // Two Vestjylland persons have their second agreement at Herstedvester: they count only in the total.
  if (unit === 'KF-HERSTEDVESTER' && (index === 100 || index === 101)) return personOf('KF-VESTJYLLAND', index - 90);
  return `P-REPORT-${unit}-${index}`;
}

/** Mentor minutes in the period, per (unit, index) of the course they belong to. */
const MENTOR_MINUTES: Record<string, number[]> = {
  'KF-VESTJYLLAND:20': [60, 30],
  'KF-VESTJYLLAND:21': [120],
  'KF-VESTJYLLAND:22': [100, 100, 100],
  // The person who moves on to Herstedvester (index 100 there).
  'KF-VESTJYLLAND:10': [40],
  'KF-HERSTEDVESTER:100': [20],
  'KF-HERSTEDVESTER:5': [60],
  'KF-HERSTEDVESTER:6': [100],
  'KF-HERSTEDVESTER:7': [200],
};

async function recordExitCourseHistory(): Promise<void> {
  let agreement = 0;
  for (const plan of PLAN) {
    const ends: CourseEnd['kind'][] = [
      ...Array<'handed_over'>(plan.handedOver).fill('handed_over'),
      ...Array<'inmate'>(plan.inmate).fill('inmate'),
      ...Array<'kriminalforsorgen'>(plan.kriminalforsorgen).fill('kriminalforsorgen'),
    ];
    for (const [index, kind] of ends.entries()) {
      const agreementAt = plusDays(FIRST_AGREEMENT, 4 * agreement++);
      const endAt = plusDays(agreementAt, 120);
      const spec: CourseSpec = {
        unit: plan.unit,
        personRef: personOf(plan.unit, index),
        referredAt: plusDays(agreementAt, -20),
        agreementAt,
        mentorContacts: (MENTOR_MINUTES[`${plan.unit}:${index}`] ?? []).map((minutes, n) => ({
          at: plusDays(agreementAt, 10 + n),
          minutes,
        })),
        end: kind === 'handed_over' ? { kind, at: endAt, redirected: index === 1 } : { kind, at: endAt },
      };
      if (plan.unit === 'KF-VESTJYLLAND' && index === 0) {
        // 00:30 on 1 April 2015 in Copenhagen (summer time): inside the period.
        spec.referredAt = '2015-03-10T10:00:00.000Z';
        spec.agreementAt = '2015-03-31T22:30:00.000Z';
      }
      // 23:59:59 on 28 October 2020 in Copenhagen (winter time): inside the period.
      if (plan.unit === 'KF-VESTJYLLAND' && index === ends.length - 1)
        spec.end = { kind, at: '2020-10-28T22:59:59.000Z' };
      await recordExitCourse(recorder, spec);
    }
  }
  expect(agreement).toBe(368);
  for (const spec of OTHER_COURSES) await recordExitCourse(recorder, spec);
}

const interruptedAt = (kind: 'inmate' | 'kriminalforsorgen', at: string): CourseEnd => ({ kind, at });

/** Courses that add nothing to the period's counts, or only to "still open", "rejected" and mentor minutes. */
const OTHER_COURSES: CourseSpec[] = [
  // A Vestjylland person's earlier agreement (2014): not a second agreement in the period.
  {
    unit: 'KF-VESTJYLLAND',
    personRef: personOf('KF-VESTJYLLAND', 50),
    referredAt: '2014-05-01T10:00:00Z',
    agreementAt: '2014-06-01T10:00:00Z',
    end: interruptedAt('inmate', '2014-12-01T10:00:00Z'),
  },
  // Entered before the period and still open at its end (they end in 2021): 4 at Vestjylland, 2 at Østjylland.
  {
    unit: 'KF-VESTJYLLAND',
    personRef: 'P-REPORT-OPEN-1',
    referredAt: '2014-07-01T10:00:00Z',
    agreementAt: '2014-08-01T10:00:00Z',
    // 23:59 on 28 October 2020 counts; midnight after it does not.
    mentorContacts: [
      { at: '2020-10-28T22:59:00Z', minutes: 45 },
      { at: '2020-10-28T23:00:00Z', minutes: 500 },
    ],
    end: interruptedAt('kriminalforsorgen', '2021-01-15T10:00:00Z'),
  },
  {
    unit: 'KF-VESTJYLLAND',
    personRef: 'P-REPORT-OPEN-2',
    referredAt: '2014-07-02T10:00:00Z',
    agreementAt: '2014-08-02T10:00:00Z',
    // 23:00 on 31 March 2015 in Copenhagen: before the period.
    mentorContacts: [{ at: '2015-03-31T21:00:00Z', minutes: 200 }],
    end: interruptedAt('kriminalforsorgen', '2021-01-15T10:00:00Z'),
  },
  {
    unit: 'KF-VESTJYLLAND',
    personRef: 'P-REPORT-OPEN-3',
    referredAt: '2014-07-03T10:00:00Z',
    agreementAt: '2014-08-03T10:00:00Z',
    end: interruptedAt('inmate', '2021-01-15T10:00:00Z'),
  },
  // Interrupted at midnight after the period's last day: still open at its end, and not interrupted in it.
  {
    unit: 'KF-VESTJYLLAND',
    personRef: 'P-REPORT-OPEN-4',
    referredAt: '2014-08-01T10:00:00Z',
    agreementAt: '2014-09-01T10:00:00Z',
    end: interruptedAt('inmate', '2020-10-28T23:00:00Z'),
  },
  {
    unit: 'KF-OESTJYLLAND',
    personRef: 'P-REPORT-OPEN-5',
    referredAt: '2013-04-01T10:00:00Z',
    agreementAt: '2013-05-01T10:00:00Z',
    end: { kind: 'handed_over', at: '2021-02-01T10:00:00Z' },
  },
  {
    unit: 'KF-OESTJYLLAND',
    personRef: 'P-REPORT-OPEN-6',
    referredAt: '2013-04-02T10:00:00Z',
    agreementAt: '2013-05-02T10:00:00Z',
    end: { kind: 'handed_over', at: '2021-02-01T10:00:00Z' },
  },
  // Handed over before the period, declined, and handed over again inside it: not handed over in the period.
  {
    unit: 'KF-OESTJYLLAND',
    personRef: 'P-REPORT-REDIRECTED',
    referredAt: '2013-12-01T10:00:00Z',
    agreementAt: '2014-01-01T10:00:00Z',
    end: { kind: 'handed_over', at: '2015-03-30T10:00:00Z', redirected: true, acceptedAt: '2015-04-12T10:00:00Z' },
  },
  // Rejections: 7 at Vestjylland and 4 at Herstedvester in the period; one just before it, one after it.
  ...[...Array(7).keys()].map((n) => rejection('KF-VESTJYLLAND', `2016-0${n + 1}-15T10:00:00Z`)),
  ...[...Array(4).keys()].map((n) => rejection('KF-HERSTEDVESTER', `2017-0${n + 1}-15T10:00:00Z`)),
  rejection('KF-VESTJYLLAND', '2015-03-31T21:59:59Z'),
  rejection('KF-HERSTEDVESTER', '2021-03-01T10:00:00Z'),
  // Offered but not signed by the period's end: no agreement, so not open.
  {
    unit: 'KF-HERSTEDVESTER',
    personRef: 'P-REPORT-UNSIGNED',
    referredAt: '2020-06-01T10:00:00Z',
    offeredAt: '2020-06-20T10:00:00Z',
    end: interruptedAt('inmate', '2021-03-01T10:00:00Z'),
  },
  // Signed at midnight after the period's last day.
  {
    unit: 'KF-HERSTEDVESTER',
    personRef: 'P-REPORT-LATE',
    referredAt: '2020-10-01T10:00:00Z',
    agreementAt: '2020-10-28T23:00:00Z',
    end: interruptedAt('inmate', '2021-02-01T10:00:00Z'),
  },
];

function rejection(unit: string, at: string): CourseSpec {
  return { unit, personRef: `P-REPORT-REJECTED-${at}`, referredAt: plusDays(at, -10), rejectedAt: at };
}

const figures = (
  unit: string | null,
  unitName: string,
  values: Omit<ExitCourseFigures, 'unit' | 'unitName'>,
): ExitCourseFigures => ({
  unit,
  unitName,
  ...values,
});

const VESTJYLLAND = figures('KF-VESTJYLLAND', 'Fængslet Vestjylland', {
  agreementsEntered: 200,
  // Six of them came back for a second agreement.
  personsWithAgreement: 194,
  handedOver: 90,
  // Every handover is taken over and continued three days later.
  continuedByPolice: 90,
  interruptedByInmate: 70,
  interruptedByKriminalforsorgen: 40,
  rejected: 7,
  stillOpen: 4,
  personsWithMoreThanOneAgreement: 6,
  // Per person 90, 120, 300, 40, 45 minutes: mean 119 min, median 90 min.
  mentorMinutesTotal: 595,
  mentorHoursTotal: 9.92,
  mentorPersons: 5,
  mentorHoursMeanPerPerson: 1.98,
  mentorHoursMedianPerPerson: 1.5,
});

const HERSTEDVESTER = figures('KF-HERSTEDVESTER', 'Anstalten ved Herstedvester', {
  agreementsEntered: 120,
  personsWithAgreement: 117,
  handedOver: 50,
  continuedByPolice: 50,
  interruptedByInmate: 45,
  interruptedByKriminalforsorgen: 25,
  rejected: 4,
  stillOpen: 0,
  personsWithMoreThanOneAgreement: 3,
  // Per person 20, 60, 100, 200 minutes: mean 95 min, median 80 min.
  mentorMinutesTotal: 380,
  mentorHoursTotal: 6.33,
  mentorPersons: 4,
  mentorHoursMeanPerPerson: 1.58,
  mentorHoursMedianPerPerson: 1.33,
});

const OESTJYLLAND = figures('KF-OESTJYLLAND', 'Østjyllands Fængsel', {
  ...NO_EXIT_COURSE_FIGURES,
  agreementsEntered: 48,
  personsWithAgreement: 48,
  handedOver: 18,
  // And the course handed over before the period, redirected, and taken over inside it.
  continuedByPolice: 19,
  interruptedByInmate: 20,
  interruptedByKriminalforsorgen: 10,
  stillOpen: 2,
});

const TOTAL = figures(null, 'I alt', {
  agreementsEntered: 368,
  // 368 agreements less the 11 second agreements.
  personsWithAgreement: 357,
  handedOver: 158,
  continuedByPolice: 159,
  interruptedByInmate: 135,
  interruptedByKriminalforsorgen: 75,
  rejected: 11,
  stillOpen: 6,
  // 6 + 3, and the two persons with one agreement at each of two institutions.
  personsWithMoreThanOneAgreement: 11,
  // Eight persons: 45, 60, 60 (40 + 20 at two institutions), 90, 100, 120, 200, 300 minutes.
  mentorMinutesTotal: 975,
  mentorHoursTotal: 16.25,
  mentorPersons: 8,
  mentorHoursMeanPerPerson: 2.03,
  mentorHoursMedianPerPerson: 1.58,
});

describe('exit-course figures', () => {
  it('answers the ministry: 368 agreements, 158 handed over, 210 interrupted — by institution and in total', async () => {
    const report = await exitCourseFigures.report(PERIOD, NATIONAL_KF);

    expect(report).toEqual({
      from: '2015-04-01',
      to: '2020-10-28',
      institutions: [HERSTEDVESTER, VESTJYLLAND, OESTJYLLAND],
      total: TOTAL,
    });
    expect(report.total.interruptedByInmate + report.total.interruptedByKriminalforsorgen).toBe(210);
  });

  it('counts for a local supervisor only the cases its unit holds', async () => {
    const report = await exitCourseFigures.report(PERIOD, VESTJYLLAND_SUPERVISOR);

    expect(report).toEqual({
      from: '2015-04-01',
      to: '2020-10-28',
      institutions: [VESTJYLLAND],
      total: { ...VESTJYLLAND, unit: null, unitName: 'I alt' },
    });
  });

  it('answers zeros, and no institutions, for a period without anything', async () => {
    const report = await exitCourseFigures.report(reportPeriod('1990-01-01', '1990-12-31'), NATIONAL_KF);

    expect(report).toEqual({
      from: '1990-01-01',
      to: '1990-12-31',
      institutions: [],
      total: figures(null, 'I alt', NO_EXIT_COURSE_FIGURES),
    });
  });

  it('counts each fact under the institution that held the course then, not where a transfer took it later', async () => {
    // 2011: before every other course here. Signed and 60 mentor minutes at Vestjylland, transferred on
    // 1 April to Herstedvester, then 30 minutes and the handover there.
    const caseId = randomUUID();
    const personRef = 'P-REPORT-TRANSFERRED';
    const at = (date: string) => `${date}T10:00:00.000Z`;
    const event = (action: CaseAction, date: string, details: Record<string, string> = {}): CaseEventRecord => ({
      eventId: randomUUID(),
      action,
      occurredAt: at(date),
      recordedAt: at(date),
      actorId: 'report-test-user',
      details,
    });
    const mentor = (date: string, minutes: number) => ({
      contactId: randomUUID(),
      contactAt: at(date),
      form: 'meeting',
      durationMinutes: minutes,
      mentorRef: 'MENTOR-0001',
    });
    const changes: Omit<CaseTransition, 'caseId' | 'seq'>[] = [
      {
        opened: {
          caseType: 'exit_course',
          workflowId: `report-${caseId}`,
          personRef,
          orgUnit: 'KF-VESTJYLLAND',
          status: 'awaiting_suitability_assessment',
          openedAt: at('2011-01-10'),
          exitCourse: { expectedReleaseDate: '2011-06-01', paroleLinked: false },
        },
        events: [event('case_started', '2011-01-10')],
      },
      { status: { status: 'agreement_active' }, events: [event('agreement_signed', '2011-02-01')] },
      { mentorContacts: [mentor('2011-03-01', 60)], events: [] },
      {
        orgUnit: 'KF-HERSTEDVESTER',
        accessChanges: [
          { orgUnit: 'KF-VESTJYLLAND', access: 'read' },
          { orgUnit: 'KF-HERSTEDVESTER', access: 'write' },
        ],
        events: [event('prison_transfer', '2011-04-01', { from: 'KF-VESTJYLLAND', to: 'KF-HERSTEDVESTER' })],
      },
      { mentorContacts: [mentor('2011-05-01', 30)], events: [] },
      {
        status: { status: 'handed_over_continued', closedAt: at('2011-06-05') },
        events: [event('handed_over', '2011-06-01')],
      },
    ];
    for (const [index, change] of changes.entries())
      await recorder.recordTransition({ ...change, caseId, seq: index + 1 });

    const year = await exitCourseFigures.report(reportPeriod('2011-01-01', '2011-12-31'), NATIONAL_KF);
    expect(year).toEqual({
      from: '2011-01-01',
      to: '2011-12-31',
      institutions: [
        figures('KF-HERSTEDVESTER', 'Anstalten ved Herstedvester', {
          ...NO_EXIT_COURSE_FIGURES,
          handedOver: 1,
          mentorMinutesTotal: 30,
          mentorHoursTotal: 0.5,
          mentorPersons: 1,
          mentorHoursMeanPerPerson: 0.5,
          mentorHoursMedianPerPerson: 0.5,
        }),
        figures('KF-VESTJYLLAND', 'Fængslet Vestjylland', {
          ...NO_EXIT_COURSE_FIGURES,
          agreementsEntered: 1,
          personsWithAgreement: 1,
          mentorMinutesTotal: 60,
          mentorHoursTotal: 1,
          mentorPersons: 1,
          mentorHoursMeanPerPerson: 1,
          mentorHoursMedianPerPerson: 1,
        }),
      ],
      total: figures(null, 'I alt', {
        ...NO_EXIT_COURSE_FIGURES,
        agreementsEntered: 1,
        personsWithAgreement: 1,
        handedOver: 1,
        mentorMinutesTotal: 90,
        mentorHoursTotal: 1.5,
        mentorPersons: 1,
        mentorHoursMeanPerPerson: 1.5,
        mentorHoursMedianPerPerson: 1.5,
      }),
    });
    // At the end of April the course was open, and held by the receiving prison.
    const spring = await exitCourseFigures.report(reportPeriod('2011-04-01', '2011-04-30'), NATIONAL_KF);
    expect(spring.institutions).toEqual([
      figures('KF-HERSTEDVESTER', 'Anstalten ved Herstedvester', { ...NO_EXIT_COURSE_FIGURES, stillOpen: 1 }),
    ]);
    // The sending prison keeps read access: its supervisor sees its own part, and not the receiving prison's.
    const sending = await exitCourseFigures.report(reportPeriod('2011-01-01', '2011-12-31'), VESTJYLLAND_SUPERVISOR);
    expect(sending.institutions.map((row) => [row.unit, row.agreementsEntered, row.handedOver])).toEqual([
      ['KF-HERSTEDVESTER', 0, 1],
      ['KF-VESTJYLLAND', 1, 0],
    ]);
  });

  it('counts no drop-out before an agreement, and no course the police hold as still open', async () => {
    // 2012: interrupted while still being assessed (no agreement), and handed over with the police's decision pending.
    await recordExitCourse(recorder, {
      unit: 'KF-VESTJYLLAND',
      personRef: 'P-REPORT-2012-A',
      referredAt: '2012-01-10T10:00:00Z',
      end: interruptedAt('inmate', '2012-02-01T10:00:00Z'),
    });
    await recordExitCourse(recorder, {
      unit: 'KF-VESTJYLLAND',
      personRef: 'P-REPORT-2012-B',
      referredAt: '2012-02-10T10:00:00Z',
      agreementAt: '2012-03-01T10:00:00Z',
      end: { kind: 'handed_over', at: '2012-05-01T10:00:00Z', acceptedAt: '2012-08-01T10:00:00Z' },
    });

    const spring = await exitCourseFigures.report(reportPeriod('2012-01-01', '2012-06-30'), NATIONAL_KF);
    const row = { ...NO_EXIT_COURSE_FIGURES, agreementsEntered: 1, personsWithAgreement: 1, handedOver: 1 };
    expect(spring).toEqual({
      from: '2012-01-01',
      to: '2012-06-30',
      institutions: [figures('KF-VESTJYLLAND', 'Fængslet Vestjylland', row)],
      total: figures(null, 'I alt', row),
    });
    // The police took it over and continued it in August.
    expect((await exitCourseFigures.report(reportPeriod('2012-07-01', '2012-12-31'), NATIONAL_KF)).total).toEqual(
      figures(null, 'I alt', { ...NO_EXIT_COURSE_FIGURES, continuedByPolice: 1 }),
    );
  });

  it('writes the CSV download: BOM, semicolons, decimal comma, Danish headers', async () => {
    const download = exitCourseCsv(await exitCourseFigures.report(PERIOD, NATIONAL_KF));

    expect(download.filename).toBe('aktivitet-i-perioden-2015-04-01-2020-10-28.csv');
    expect(download.content).toBe(
      '\uFEFF' +
        [
          'Enhedskode;Institution;Aftaler indgået;Personer med aftale;Overdraget til politiets exitenhed;Videreført af politiets exitenhed;' +
            'Afbrudt af den indsatte;Afbrudt af Kriminalforsorgen;Afslag;Stadig åbne ved periodens slutning;Personer med mere end én aftale;' +
            'Mentorminutter i alt;Mentortimer i alt;Personer med mentorkontakt;Mentortimer pr. person, gennemsnit;Mentortimer pr. person, median',
          'KF-HERSTEDVESTER;Anstalten ved Herstedvester;120;117;50;50;45;25;4;0;3;380;6,33;4;1,58;1,33',
          'KF-VESTJYLLAND;Fængslet Vestjylland;200;194;90;90;70;40;7;4;6;595;9,92;5;1,98;1,50',
          'KF-OESTJYLLAND;Østjyllands Fængsel;48;48;18;19;20;10;0;2;0;0;0,00;0;0,00;0,00',
          ';I alt;368;357;158;159;135;75;11;6;11;975;16,25;8;2,03;1,58',
        ].join('\r\n') +
        '\r\n',
    );
  });
});

/** January to March 2019; "now" is 15 March, so a step due 20 March and still open is not yet measured. */
const SLA_PERIOD = reportPeriod('2019-01-01', '2019-03-31');
const SLA_NOW = new Date('2019-03-15T12:00:00Z');

const onTime = { latenessSeconds: 0 };
const late = { latenessSeconds: 3600 };
const dks = (unit: string, dueAt: string, outcome: StepSpec['outcome']): StepSpec => ({
  caseType: 'dks_assessment',
  unit,
  kind: 'dks_assessment',
  dueAt,
  outcome,
});

const SLA_STEPS: StepSpec[] = [
  dks('POL-NORDJYLLAND', '2019-01-05T10:00:00Z', onTime),
  dks('POL-NORDJYLLAND', '2019-01-10T10:00:00Z', onTime),
  dks('POL-NORDJYLLAND', '2019-01-20T10:00:00Z', onTime),
  dks('POL-NORDJYLLAND', '2019-01-25T10:00:00Z', late),
  // 00:30 on 1 February in Copenhagen: a February deadline.
  dks('POL-NORDJYLLAND', '2019-01-31T23:30:00Z', onTime),
  // Missed and still open: not within.
  dks('POL-NORDJYLLAND', '2019-02-10T10:00:00Z', 'open'),
  dks('POL-NORDJYLLAND', '2019-03-05T10:00:00Z', onTime),
  // Open before its deadline (after "now"), and cancelled: neither is measured.
  dks('POL-NORDJYLLAND', '2019-03-20T10:00:00Z', 'open'),
  dks('POL-NORDJYLLAND', '2019-03-06T10:00:00Z', 'cancelled'),
  // A deadline at local midnight ends the day before ("31.12 kl. 24.00" is December's): 23:59:59 and 24:00
  // on 31 December 2018 are outside the period; 24:00 on 31 March 2019 (summer time) is inside it, in
  // March, and a second later is April's.
  dks('POL-NORDJYLLAND', '2018-12-31T22:59:59Z', late),
  dks('POL-NORDJYLLAND', '2018-12-31T23:00:00Z', late),
  dks('POL-NORDJYLLAND', '2019-03-31T22:00:00Z', late),
  dks('POL-NORDJYLLAND', '2019-03-31T22:00:01Z', late),
  dks('POL-FYN', '2019-01-08T10:00:00Z', onTime),
  dks('POL-FYN', '2019-01-09T10:00:00Z', late),
  dks('POL-FYN', '2019-01-10T10:00:00Z', { latenessSeconds: 1 }),
  ...[onTime, onTime, late].map((outcome, n): StepSpec => ({
    caseType: 'dks_assessment',
    unit: 'POL-NORDJYLLAND',
    kind: 'follow_up_check',
    dueAt: `2019-02-1${n}T10:00:00Z`,
    outcome,
  })),
  ...(
    [
      ['2019-01-03T10:00:00Z', onTime],
      ['2019-01-17T10:00:00Z', onTime],
      ['2019-01-28T10:00:00Z', 'open'],
      ['2019-03-01T10:00:00Z', onTime],
    ] as const
  ).map(([dueAt, outcome]): StepSpec => ({
    caseType: 'network_council',
    unit: 'KOM-0561',
    kind: 'network_council_convening',
    dueAt,
    outcome,
  })),
];

async function recordSlaHistory(): Promise<void> {
  for (const spec of SLA_STEPS) await recordStep(recorder, spec);
}

const DKS_LABEL = 'DKS-vurdering inden for 24 timer';
const FOLLOW_UP_LABEL = 'Opfølgningstjek inden for 14 dage';
const COUNCIL_LABEL = 'Netværkssamråd indkaldt inden for 7 dage';
const NORDJYLLAND_DKS = [
  {
    measure: 'dks_assessment_24h',
    label: DKS_LABEL,
    unit: 'POL-NORDJYLLAND',
    unitName: 'Nordjyllands Politi',
    month: '2019-01',
    total: 4,
    withinDeadline: 3,
    share: 0.75,
  },
  {
    measure: 'dks_assessment_24h',
    label: DKS_LABEL,
    unit: 'POL-NORDJYLLAND',
    unitName: 'Nordjyllands Politi',
    month: '2019-02',
    total: 2,
    withinDeadline: 1,
    share: 0.5,
  },
  {
    measure: 'dks_assessment_24h',
    label: DKS_LABEL,
    unit: 'POL-NORDJYLLAND',
    unitName: 'Nordjyllands Politi',
    month: '2019-03',
    total: 2,
    withinDeadline: 1,
    share: 0.5,
  },
];
const NORDJYLLAND_FOLLOW_UP = [
  {
    measure: 'follow_up_14d',
    label: FOLLOW_UP_LABEL,
    unit: 'POL-NORDJYLLAND',
    unitName: 'Nordjyllands Politi',
    month: '2019-02',
    total: 3,
    withinDeadline: 2,
    share: 0.6667,
  },
];

describe('SLA figures', () => {
  it('gives the share of deadlines kept per measure, unit and month of the deadline', async () => {
    const report = await slaFigures.report(SLA_PERIOD, NATIONAL_POLICE, SLA_NOW);

    expect(report).toEqual({
      from: '2019-01-01',
      to: '2019-03-31',
      rows: [
        {
          measure: 'dks_assessment_24h',
          label: DKS_LABEL,
          unit: 'POL-FYN',
          unitName: 'Fyns Politi',
          month: '2019-01',
          total: 3,
          withinDeadline: 1,
          share: 0.3333,
        },
        ...NORDJYLLAND_DKS,
        ...NORDJYLLAND_FOLLOW_UP,
      ],
      missedReasons: [],
    });
  });

  it('shows a local supervisor its own unit only, and the municipality its network councils', async () => {
    expect((await slaFigures.report(SLA_PERIOD, NORDJYLLAND_POLICE_SUPERVISOR, SLA_NOW)).rows).toEqual([
      ...NORDJYLLAND_DKS,
      ...NORDJYLLAND_FOLLOW_UP,
    ]);
    expect((await slaFigures.report(SLA_PERIOD, ESBJERG_MUNICIPALITY_SUPERVISOR, SLA_NOW)).rows).toEqual([
      {
        measure: 'network_council_7d',
        label: COUNCIL_LABEL,
        unit: 'KOM-0561',
        unitName: 'Esbjerg Kommune',
        month: '2019-01',
        total: 3,
        withinDeadline: 2,
        share: 0.6667,
      },
      {
        measure: 'network_council_7d',
        label: COUNCIL_LABEL,
        unit: 'KOM-0561',
        unitName: 'Esbjerg Kommune',
        month: '2019-03',
        total: 1,
        withinDeadline: 1,
        share: 1,
      },
    ]);
  });

  it('measures an open step once its deadline has passed', async () => {
    const later = await slaFigures.report(SLA_PERIOD, NORDJYLLAND_POLICE_SUPERVISOR, new Date('2019-03-21T00:00:00Z'));

    expect(later.rows.find((row) => row.measure === 'dks_assessment_24h' && row.month === '2019-03')).toMatchObject({
      total: 3,
      withinDeadline: 1,
      share: 0.3333,
    });
  });

  it('writes the CSV download', async () => {
    const download = slaCsv(await slaFigures.report(SLA_PERIOD, ESBJERG_MUNICIPALITY_SUPERVISOR, SLA_NOW));

    expect(download.filename).toBe('frister-2019-01-01-2019-03-31.csv');
    expect(download.content).toBe(
      '\uFEFFFrist;Enhedskode;Enhed;Måned;Trin i alt;Inden for fristen;Andel inden for fristen\r\n' +
        'Netværkssamråd indkaldt inden for 7 dage;KOM-0561;Esbjerg Kommune;2019-01;3;2;0,6667\r\n' +
        'Netværkssamråd indkaldt inden for 7 dage;KOM-0561;Esbjerg Kommune;2019-03;1;1;1,0000\r\n',
    );
  });
});
