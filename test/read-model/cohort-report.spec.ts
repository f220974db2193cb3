import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { CohortFiguresRepository } from '../../apps/api/src/reports/cohort-figures.repository';
import { cohortDefinitions } from '../../apps/api/src/reports/cohort-definitions';
import { ExitCourseFiguresRepository } from '../../apps/api/src/reports/exit-course-figures.repository';
import { question1903 } from '../../apps/api/src/reports/question-1903';
import { cohortCsv } from '../../apps/api/src/reports/report-csv';
import { reportPeriod } from '../../apps/api/src/reports/report-period';
import type { AuthenticatedUser } from '../../libs/access/authenticated-user';
import { AS_OF, COHORT_PERIOD, recordCohortHistory } from '../support/cohort-history';
import {
  COHORT_INTERRUPTION_REASONS,
  COHORT_MENTOR_HOURS,
  COHORT_POLICE_OUTCOMES,
  COHORT_TOTAL,
  HERSTEDVESTER_COHORT,
  VESTJYLLAND_COHORT,
} from '../support/cohort-expected';
import { openReadModel } from '../support/read-model';
import { NO_EXIT_COURSE_FIGURES } from '../support/report-history';
import { createSiblingDatabase, type TestDatabase } from '../support/test-database';

/**
 * The cohort against the period's activity on the same history (test/support/cohort-history.ts), on a
 * database of the suite's own so that every course counted is one it made: 368 agreements entered
 * 2015-04-01..2020-10-28, 158 handed over, 210 interrupted — some of both after 28 October 2020.
 */
const PERIOD = reportPeriod(COHORT_PERIOD.from, COHORT_PERIOD.to);

const user = (role: AuthenticatedUser['role'], organisation: AuthenticatedUser['organisation'], units: string[]) => ({
  id: `cohort-${role}-${organisation}`,
  username: 'cohort.test',
  displayName: 'Cohort test',
  role,
  organisation,
  units,
});
const NATIONAL_KF = user('national_supervisor', 'kriminalforsorgen', []);
const HERSTEDVESTER_SUPERVISOR = user('supervisor', 'kriminalforsorgen', ['KF-HERSTEDVESTER']);
const NATIONAL_POLICE = user('national_supervisor', 'politi', []);

let database: TestDatabase;
let db: DataSource;
let cohort: CohortFiguresRepository;
let activity: ExitCourseFiguresRepository;

beforeAll(async () => {
  database = await createSiblingDatabase();
  db = await openReadModel(database.databaseUrl);
  await recordCohortHistory(new ReadModelRecorder(db));
  cohort = new CohortFiguresRepository(db);
  activity = new ExitCourseFiguresRepository(db);
}, 240_000);

afterAll(async () => {
  await db?.destroy();
  await database?.dispose();
});

describe('cohort figures', () => {
  it('answers the ministry from the cohort: 368 agreements, 158 handed over, 210 interrupted, and what became of them', async () => {
    const report = await cohort.report(PERIOD, AS_OF, NATIONAL_KF);

    expect(report).toEqual({
      from: '2015-04-01',
      to: '2020-10-28',
      asOf: '2022-12-31',
      total: { group: null, groupName: 'I alt', ...COHORT_TOTAL },
      byInstitution: [
        { group: 'KF-HERSTEDVESTER', groupName: 'Anstalten ved Herstedvester', ...HERSTEDVESTER_COHORT },
        { group: 'KF-VESTJYLLAND', groupName: 'Fængslet Vestjylland', ...VESTJYLLAND_COHORT },
      ],
      byReferralSource: [{ group: 'kriminalforsorgen', groupName: 'Kriminalforsorgen', ...COHORT_TOTAL }],
      policeOutcomes: COHORT_POLICE_OUTCOMES,
      interruptionReasons: COHORT_INTERRUPTION_REASONS,
      mentorHours: COHORT_MENTOR_HOURS,
      definitions: cohortDefinitions(),
    });
    expect(report.total.interruptedByInmate + report.total.interruptedByKriminalforsorgen).toBe(210);
  });

  it('counts the period’s events differently: handovers and interruptions after 28 October 2020 are not activity in it', async () => {
    const report = await activity.report(PERIOD, NATIONAL_KF);

    expect(report.total).toEqual({
      ...NO_EXIT_COURSE_FIGURES,
      unit: null,
      unitName: 'I alt',
      agreementsEntered: 368,
      personsWithAgreement: 360,
      personsWithMoreThanOneAgreement: 8,
      // 158 less the 27 handed over after 28 October 2020.
      handedOver: 131,
      // The 83 that ended with the police and the 30 in the municipal programme were taken over in the period.
      continuedByPolice: 113,
      // 130 less 12 after the period, and the course entered a minute before it, interrupted inside it.
      interruptedByInmate: 119,
      interruptedByKriminalforsorgen: 72,
      // The 27 handed over and the 20 interrupted after the period.
      stillOpen: 47,
      // Per person 45, 90, 120, 210 minutes: the contacts after 28 October 2020 are not in the period.
      mentorMinutesTotal: 465,
      mentorHoursTotal: 7.75,
      mentorPersons: 4,
      mentorHoursMeanPerPerson: 1.94,
      mentorHoursMedianPerPerson: 1.75,
    });
  });

  it('as of the period’s last day: what was still in prison then is still at Kriminalforsorgen', async () => {
    const report = await cohort.report(PERIOD, COHORT_PERIOD.to, NATIONAL_KF);

    expect(report.total).toEqual({
      group: null,
      groupName: 'I alt',
      ...COHORT_TOTAL,
      stillAtKriminalforsorgen: 47,
      interruptedByInmate: 118,
      interruptedByKriminalforsorgen: 72,
      handedOver: 131,
      handoverAwaitingDecision: 0,
      continuedByPolice: 113,
      runningWithPolice: 30,
      droppedOut: 133,
    });
    expect(report.mentorHours.map((hours) => [hours.part, hours.minutesTotal, hours.personsWithContact])).toEqual([
      ['all', 465, 4],
      ['before_release', 315, 4],
      ['after_release', 150, 2],
    ]);
    expect(report.mentorHours[2]).toMatchObject({
      meanHoursPerPersonWithContact: 1.25,
      medianHoursPerPersonWithContact: 1.25,
    });
  });

  it('counts for a local supervisor only its institution’s courses', async () => {
    const report = await cohort.report(PERIOD, AS_OF, HERSTEDVESTER_SUPERVISOR);

    expect(report.total).toEqual({ group: null, groupName: 'I alt', ...HERSTEDVESTER_COHORT });
    expect(report.byInstitution.map((row) => row.group)).toEqual(['KF-HERSTEDVESTER']);
    // The person of 200 and 300, with 120 minutes, is Herstedvester's; so are 228's none.
    expect(report.mentorHours[0]).toMatchObject({ minutesTotal: 120, agreementHolders: 165, personsWithContact: 1 });
  });

  it('shows the police the courses handed to them and those they started outside prison, by referral source', async () => {
    const report = await cohort.report(PERIOD, AS_OF, NATIONAL_POLICE);

    expect(report.total).toEqual({
      group: null,
      groupName: 'I alt',
      ...COHORT_TOTAL,
      agreementsEntered: 160,
      // The four pairs handed over both times; the other pairs were interrupted once.
      persons: 156,
      personsWithMoreThanOneAgreement: 4,
      interruptedByInmate: 0,
      interruptedByKriminalforsorgen: 0,
      startedOutsidePrison: 2,
      runningWithPolice: 48,
      endedWithPolice: 84,
      completed: 46,
      droppedOut: 15,
      reoffendingNotChecked: 56,
    });
    expect(report.byReferralSource.map((row) => [row.group, row.groupName, row.agreementsEntered])).toEqual([
      ['kriminalforsorgen', 'Kriminalforsorgen', 158],
      ['police', 'politiet', 1],
      ['concern_letter', 'bekymringsbrev', 1],
    ]);
    expect(report.byInstitution.map((row) => [row.groupName, row.agreementsEntered])).toEqual([
      ['Anstalten ved Herstedvester', 28],
      ['Fængslet Vestjylland', 130],
      ['Københavns Politi', 2],
    ]);
  });

  it('writes the CSV download: one long table of every figure', async () => {
    const download = cohortCsv(await cohort.report(PERIOD, AS_OF, NATIONAL_KF));
    const lines = download.content.slice(1).split('\r\n');

    expect(download.filename).toBe('kohorte-2015-04-01-2020-10-28-pr-2022-12-31.csv');
    expect(download.content.startsWith('\uFEFFAfsnit;Gruppe;Tal;Værdi\r\n')).toBe(true);
    expect(lines.slice(1, 4)).toEqual([
      'Kohorte;I alt;Exit-aftaler indgået;368',
      'Kohorte;I alt;Personer med exit-aftale;360',
      'Kohorte;I alt;Personer med mere end én aftale;8',
    ]);
    expect(lines).toContain('Kohorte;I alt;Overdraget til politiets exitenhed;158');
    expect(lines).toContain('Pr. institution;Fængslet Vestjylland;Gennemført (succesfuldt);45');
    expect(lines).toContain('Udfald hos politiet;I alt;afsluttet af politiet;13');
    expect(lines).toContain('Afbrudt af Kriminalforsorgen;I alt;exit-aftalen er ikke overholdt;40');
    expect(lines).toContain('Mentortimer;Mentortimer i alt;Timer pr. person med mentorkontakt, median;1,88');
    // 19 figures for the total, each institution and the one referral source; 5 outcomes, 14 reasons, 3 × 7 hours.
    expect(lines.length).toBe(1 + 19 * 4 + 5 + 14 + 21 + 1);
  });
});

describe('the answer to question 1903', () => {
  it('answers each part in Danish sentences with the cohort’s figures', async () => {
    const answer = question1903(await cohort.report(PERIOD, AS_OF, NATIONAL_KF));

    expect(answer.introduction).toBe(
      'Opgørelsen omfatter de exit-forløb, hvor exit-aftalen er indgået i perioden fra den 1. april 2015 til den 28. oktober 2020, ' +
        'og viser, hvad der pr. den 31. december 2022 er blevet af dem. Tallene er hentet fra exitflow, der følger hvert forløb fra ' +
        'henvisningen til afslutningen hos politiet og opfølgningen derefter. Kriminalforsorgens budget til bandeexit og indholdet ' +
        'af exitindsatsen fremgår ikke af systemet og besvares ikke her.',
    );
    expect(answer.answers.map(({ part, answer: text }) => [part, text])).toEqual([
      [
        'went_through',
        'I perioden er der indgået 368 exit-aftaler med 360 personer; 8 personer har indgået mere end én exit-aftale i perioden. ' +
          'Pr. 31. december 2022 er 158 af forløbene overdraget til de lokale exitenheder ved politiet, 130 er afbrudt af den indsatte, ' +
          '80 er afbrudt af Kriminalforsorgen, og 0 er fortsat i Kriminalforsorgen.',
      ],
      [
        'succeeded',
        'Af de 158 overdragne forløb har politiets exitenheder videreført 130, afsluttet 18 straks, og 10 afventer exitenhedens beslutning. ' +
          'Pr. 31. december 2022 er 45 forløb gennemført hos politiets exitenhed, og 47 er fortsat i gang. ' +
          'Øvrige forløb afsluttet hos politiet: 15 frafaldet (borgerens eget valg), 13 afsluttet af politiet, 5 ny kriminalitet eller varetægt og 5 andet. ' +
          'Ved opfølgningen 12 måneder efter afslutningen er der registreret ny kriminalitet i 5 forløb og ingen ny kriminalitet i 20 forløb; ' +
          'for 55 afsluttede forløb er opfølgningen endnu ikke foretaget.',
      ],
      [
        'dropped_out',
        'I 145 forløb er deltageren faldet fra: 130 har selv afbrudt exit-forløbet under afsoningen, og 15 er faldet fra efter eget valg i forløbet hos politiet. ' +
          'Herudover har Kriminalforsorgen afbrudt 80 forløb. ' +
          'Årsager, når den indsatte afbrød: den indsatte ønsker ikke at fortsætte (100), tilbage i bandemiljøet (20) og andet (10). ' +
          'Årsager, når Kriminalforsorgen afbrød: exit-aftalen er ikke overholdt (40), ny kriminalitet (25) og sikkerhedsmæssige hensyn (15).',
      ],
      [
        'mentor_hours',
        'Der er registreret 8,75 timer mentorstøtte i forløbene, 5,25 timer før og 3,50 timer efter løsladelsen. ' +
          'Pr. person med exit-aftale (360) er det gennemsnitligt 0,02 timer (median 0,00 timer). ' +
          'For de 4 personer, der har haft mindst én mentorkontakt, er det gennemsnitligt 2,19 timer (median 1,88 timer). ' +
          'Før løsladelsen: gennemsnitligt 0,01 timer pr. person med exit-aftale og 1,31 timer pr. person med kontakt (4). ' +
          'Efter løsladelsen: gennemsnitligt 0,01 timer pr. person med exit-aftale og 1,17 timer pr. person med kontakt (3).',
      ],
    ]);
  });
});
