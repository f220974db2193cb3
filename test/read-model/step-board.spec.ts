import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReadModelRecorder } from '../../activities/read-model.activities';
import { StepBoardRepository } from '../../apps/api/src/steps/step-board.repository';
import type { OverdueBoardQuery, StepBoardQuery } from '../../apps/api/src/steps/step-board.dto';
import type { AuthenticatedUser } from '../../libs/access/authenticated-user';
import type { Role } from '../../libs/domain/organisations/roles';
import type { CaseType } from '../../libs/domain/case/case-transition';
import type { Organisation } from '../../libs/domain/organisations/organisation-units';
import { openReadModel } from '../support/read-model';

/**
 * The overdue board, the due-soon list and the inbox over a known set of steps, written through the
 * read-model activity. The lists are asked "as of" a moment in 1990, so steps other suites write in the
 * same database (all due decades later) never show, and every count can be exact.
 */
let db: DataSource;
let recorder: ReadModelRecorder;
let board: StepBoardRepository;

const AS_OF = new Date('1990-03-01T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (hoursFromAsOf: number) => new Date(AS_OF.getTime() + hoursFromAsOf * HOUR).toISOString();

const user = (role: Role, organisation: Organisation, units: string[]): AuthenticatedUser => ({
  id: randomUUID(),
  username: `test.${role}`,
  displayName: 'Test',
  role,
  organisation,
  units,
});

const dksSupervisor = user('supervisor', 'politi', ['POL-BORNHOLM']);
const dksOfficer = user('dks_officer', 'politi', ['POL-BORNHOLM']);
const policeExit = user('police_exit_officer', 'politi', ['POL-BORNHOLM']);
const prisonCaseworker = user('kf_caseworker', 'kriminalforsorgen', ['KF-SOENDERBORG']);
const prisonSupervisor = user('supervisor', 'kriminalforsorgen', ['KF-SOENDERBORG']);
const municipality = user('municipality_caseworker', 'kommune', ['KOM-0851']);
const nationalPolice = user('national_supervisor', 'politi', []);

interface Known {
  caseId: string;
  stepId: string;
}

async function caseWithStep(
  caseType: CaseType,
  orgUnit: string,
  kind: string,
  dueHours: number,
  extra: { handoverTo?: string } = {},
): Promise<Known> {
  const caseId = randomUUID();
  const stepId = randomUUID();
  await recorder.recordTransition({
    caseId,
    seq: 1,
    opened: {
      caseType,
      workflowId: `board-test-${caseId}`,
      personRef: randomUUID(),
      orgUnit,
      status: 'open_for_board_test',
      openedAt: at(-1000),
      ...(caseType === 'exit_course' ? { exitCourse: { expectedReleaseDate: '1990-06-01', paroleLinked: false } } : {}),
    },
    stepsOpened: [{ stepId, kind, openedAt: at(-500), dueAt: at(dueHours) }],
    ...(extra.handoverTo
      ? {
          exitCourseFacts: { handoverDistrict: extra.handoverTo },
          accessChanges: [{ orgUnit: extra.handoverTo, access: 'write' as const }],
        }
      : {}),
    events: [],
  });
  return { caseId, stepId };
}

let dksLate: Known; // 30 hours late, Bornholm
let dksSlightlyLate: Known; // 2 hours late, Bornholm
let dksSoon: Known; // due in 5 hours: inside the 6-hour warning window
let dksLater: Known; // due in 7 hours: not yet due soon
let followUpDone: Known; // overdue but completed: on no list
let handover: Known; // exit course handed over to Bornholm: the police exit unit's turn, 50 hours late
let prisonLate: Known; // Sønderborg's suitability assessment, 10 days late
let councilLate: Known; // Aalborg's council convening, 1 hour late

beforeAll(async () => {
  db = await openReadModel();
  recorder = new ReadModelRecorder(db);
  board = new StepBoardRepository(db);
  dksLate = await caseWithStep('dks_assessment', 'POL-BORNHOLM', 'dks_assessment', -30);
  dksSlightlyLate = await caseWithStep('dks_assessment', 'POL-BORNHOLM', 'dks_assessment', -2);
  dksSoon = await caseWithStep('dks_assessment', 'POL-BORNHOLM', 'dks_assessment', 5);
  dksLater = await caseWithStep('dks_assessment', 'POL-BORNHOLM', 'dks_assessment', 7);
  followUpDone = await caseWithStep('dks_assessment', 'POL-BORNHOLM', 'follow_up_check', -100);
  await recorder.recordTransition({
    caseId: followUpDone.caseId,
    seq: 2,
    stepsClosed: [
      {
        stepId: followUpDone.stepId,
        status: 'completed',
        completedAt: at(-1),
        latenessSeconds: 99 * 3600,
        outcome: 'checked',
      },
    ],
    events: [],
  });
  handover = await caseWithStep('exit_course', 'KF-SOENDERBORG', 'handover_decision', -50, {
    handoverTo: 'POL-BORNHOLM',
  });
  prisonLate = await caseWithStep('exit_course', 'KF-SOENDERBORG', 'suitability_assessment', -240);
  councilLate = await caseWithStep('network_council', 'KOM-0851', 'network_council_convening', -1);
});

afterAll(() => db?.destroy());

const page = { page: 1, pageSize: 20 };
const overdue = (who: AuthenticatedUser, query: Partial<OverdueBoardQuery> = {}) =>
  board.board({ list: 'overdue', query: { ...page, ...query } }, who, AS_OF);
const ids = (items: { stepId: string }[]) => items.map((item) => item.stepId);

describe('the overdue board', () => {
  it('shows a police supervisor every late step of the district, across case types, latest deadline last', async () => {
    const answer = await overdue(dksSupervisor);
    expect(ids(answer.items)).toEqual([handover.stepId, dksLate.stepId, dksSlightlyLate.stepId]);
    expect(answer.total).toBe(3);
    expect(answer.countsByUnit).toEqual([{ unit: 'POL-BORNHOLM', unitName: 'Bornholms Politi', count: 3 }]);
  });

  it('says what the step is, whose turn it is, how late, and where the case is', async () => {
    const [row] = (await overdue(dksSupervisor, { kind: 'handover_decision' })).items;
    expect(row).toEqual({
      stepId: handover.stepId,
      caseId: handover.caseId,
      caseType: 'exit_course',
      caseTypeLabel: 'Exit-forløb',
      kind: 'handover_decision',
      label: 'Politiets exitenheds stillingtagen til overdragelse',
      openedAt: at(-500),
      dueAt: at(-50),
      warningAt: at(-98),
      overdue: true,
      latenessSeconds: 50 * 3600,
      remainingSeconds: 0,
      escalatedAt: null,
      assignee: null,
      responsibleUnit: { code: 'POL-BORNHOLM', name: 'Bornholms Politi', organisation: 'politi' },
      responsibleRole: 'police_exit_officer',
      whoseTurn: 'Bornholms Politi – Politiets exitenhed',
      casePath: `/api/exit-courses/${handover.caseId}`,
      suspension: null,
    });
  });

  it('counts per unit for a national supervisor, and filters by unit, organisation, case type and kind', async () => {
    // The handed-over course's access row is the district's: the national police supervisor sees it too.
    const all = await overdue(nationalPolice);
    expect(all.countsByUnit).toEqual([{ unit: 'POL-BORNHOLM', unitName: 'Bornholms Politi', count: 3 }]);
    const prison = await overdue(prisonSupervisor);
    // The prison holds the handed-over course still, but the step is the police's turn.
    expect(prison.countsByUnit).toEqual([
      { unit: 'POL-BORNHOLM', unitName: 'Bornholms Politi', count: 1 },
      { unit: 'KF-SOENDERBORG', unitName: 'Sønderborg Fængsel', count: 1 },
    ]);
    expect(ids((await overdue(prisonSupervisor, { unit: 'KF-SOENDERBORG' })).items)).toEqual([prisonLate.stepId]);
    expect(ids((await overdue(prisonSupervisor, { organisation: 'politi' })).items)).toEqual([handover.stepId]);
    expect(ids((await overdue(dksSupervisor, { caseType: 'dks_assessment' })).items)).toEqual([
      dksLate.stepId,
      dksSlightlyLate.stepId,
    ]);
    expect(ids((await overdue(dksSupervisor, { kind: 'follow_up_check' })).items)).toEqual([]);
  });

  it('filters by lateness in hours, both ends inclusive', async () => {
    expect(ids((await overdue(dksSupervisor, { minLatenessHours: 30 })).items)).toEqual([
      handover.stepId,
      dksLate.stepId,
    ]);
    expect(ids((await overdue(dksSupervisor, { minLatenessHours: 31 })).items)).toEqual([handover.stepId]);
    expect(ids((await overdue(dksSupervisor, { maxLatenessHours: 30 })).items)).toEqual([
      dksLate.stepId,
      dksSlightlyLate.stepId,
    ]);
    expect(ids((await overdue(dksSupervisor, { minLatenessHours: 3, maxLatenessHours: 49 })).items)).toEqual([
      dksLate.stepId,
    ]);
  });

  it('sorts by lateness either way, by unit and by kind, and pages', async () => {
    expect(ids((await overdue(dksSupervisor, { sort: 'lateness', order: 'asc' })).items)).toEqual([
      dksSlightlyLate.stepId,
      dksLate.stepId,
      handover.stepId,
    ]);
    expect(ids((await overdue(dksSupervisor, { sort: 'dueAt', order: 'desc' })).items)).toEqual([
      dksSlightlyLate.stepId,
      dksLate.stepId,
      handover.stepId,
    ]);
    expect(ids((await overdue(dksSupervisor, { sort: 'kind' })).items)).toEqual([
      dksLate.stepId,
      dksSlightlyLate.stepId,
      handover.stepId,
    ]);
    expect(ids((await overdue(prisonSupervisor, { sort: 'unit', order: 'desc' })).items)).toEqual([
      prisonLate.stepId,
      handover.stepId,
    ]);
    const second = await overdue(dksSupervisor, { page: 2, pageSize: 2 });
    expect([ids(second.items), second.total, second.page, second.pageSize]).toEqual([
      [dksSlightlyLate.stepId],
      3,
      2,
      2,
    ]);
  });

  it('shows nothing outside the scope', async () => {
    expect((await overdue(municipality)).items.map((row) => row.stepId)).toEqual([councilLate.stepId]);
    expect((await overdue(user('supervisor', 'politi', ['POL-FYN']))).total).toBe(0);
    expect((await overdue(user('administrator', 'politi', ['POL-BORNHOLM']))).total).toBe(0);
  });
});

describe('the due-soon list', () => {
  it('holds open steps inside their kind’s warning window, not yet due', async () => {
    const query: StepBoardQuery = { ...page };
    const answer = await board.board({ list: 'due_soon', query }, dksSupervisor, AS_OF);
    expect(ids(answer.items)).toEqual([dksSoon.stepId]);
    expect(answer.items[0]).toMatchObject({
      overdue: false,
      latenessSeconds: 0,
      remainingSeconds: 5 * 3600,
      warningAt: at(-1),
    });
    expect(ids(answer.items)).not.toContain(dksLater.stepId);
  });
});

describe('the inbox', () => {
  it('holds the steps that are the user’s role’s turn at the user’s units, earliest deadline first', async () => {
    // Open steps not yet due are in the inbox too. Only this test's steps count: the inbox has no time bound.
    const known = () =>
      new Set(
        [dksLate, dksSlightlyLate, dksSoon, dksLater, followUpDone, handover, prisonLate, councilLate].map(
          (step) => step.stepId,
        ),
      );
    const mine = (who: AuthenticatedUser) =>
      board
        .inbox({ ...page, pageSize: 100 }, who, AS_OF)
        .then((answer) => ids(answer.items).filter((id) => known().has(id)));
    expect(await mine(dksOfficer)).toEqual([dksLate.stepId, dksSlightlyLate.stepId, dksSoon.stepId, dksLater.stepId]);
    expect(await mine(policeExit)).toEqual([handover.stepId]);
    expect(await mine(prisonCaseworker)).toEqual([prisonLate.stepId]);
    expect(await mine(municipality)).toEqual([councilLate.stepId]);
    // A supervisor decides nothing: an empty inbox.
    expect(await mine(dksSupervisor)).toEqual([]);
  });
});
