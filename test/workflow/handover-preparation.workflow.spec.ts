import { startOfDaysBefore } from '../../libs/domain/deadlines/deadline-rule';
import {
  addCalendarDays,
  danishDateOf,
  formatLocalDate,
  parseLocalDate,
} from '../../libs/domain/time/copenhagen-calendar';
import type { HandoverReportInput } from '../../libs/domain/exit-course/handover-preparation.types';
import {
  assignMentorUpdate,
  changeExpectedReleaseDateUpdate,
  decideHandoverUpdate,
  exitCourseStateQuery,
  logMentorContactUpdate,
  readModelSyncedUpdate,
  recordAgreementSignedUpdate,
  recordHandoverViewUpdate,
  recordReleaseUpdate,
  recordSuitabilityAssessmentUpdate,
  setReleasePlanUpdate,
  submitHandoverReportUpdate,
} from '../../workflows/exit-course/exit-course.messages';
import { EXIT_COURSE_WORKFLOW_ID_PREFIX, exitCourseWorkflow } from '../../workflows/exit-course/exit-course.workflow';
import { CASEWORKER, DAY_MS, exitCourseInput } from '../support/exit-course-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

const harness = useWorkflowTestHarness('handover-preparation-workflow-test', 'exit-course');
const { now, recordHistory } = harness;

const MUNICIPAL = { id: 'user-kom-aarhus-1' };
const POLICE = { id: 'user-pol-oestjylland-1' };

const dateIn = async (days: number) => formatLocalDate(addCalendarDays(danishDateOf(await now()), days));
const noticeMoment = (releaseDate: string) => startOfDaysBefore(parseLocalDate(releaseDate)!, 30);
const reportDue = (releaseDate: string) => startOfDaysBefore(parseLocalDate(releaseDate)!, 14).toISOString();
const iso = async (offsetMs = 0) => new Date((await now()).getTime() + offsetMs).toISOString();

/** An active agreement with a mentor, one contact of 90 minutes, and a release plan; then the notice. */
async function notifiedCourse(releaseInDays: number) {
  const input = exitCourseInput(await now(), {
    expectedReleaseDate: await dateIn(releaseInDays),
  });
  const handle = await harness.startSynced(
    exitCourseWorkflow,
    `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${input.caseId}`,
    readModelSyncedUpdate,
    input,
  );
  await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
    args: [{ outcome: 'offer', decidedAt: await iso(1000), actor: CASEWORKER }],
  });
  await harness.env.sleep(60_000);
  await handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt: await iso(), actor: CASEWORKER }] });
  await harness.env.sleep(60_000);
  await handle.executeUpdate(assignMentorUpdate, {
    args: [{ mentorRef: 'MENTOR-0042', assignedAt: await iso(), actor: CASEWORKER }],
  });
  await harness.env.sleep(60_000);
  await handle.executeUpdate(logMentorContactUpdate, {
    args: [{ contactAt: await iso(), form: 'meeting', durationMinutes: 90, actor: CASEWORKER }],
  });
  await handle.executeUpdate(setReleasePlanUpdate, {
    args: [{ municipalityCode: 'KOM-0751', policeDistrictCode: 'POL-OESTJYLLAND', actor: CASEWORKER }],
  });
  await harness.env.sleep(noticeMoment(input.expectedReleaseDate).getTime() - (await now()).getTime() + 60_000);
  await handle.executeUpdate(readModelSyncedUpdate);
  return { input, handle };
}

const accessOf = (caseId: string) =>
  harness.db.query(`SELECT org_unit, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`, [caseId]);

const report = async (): Promise<HandoverReportInput> => ({
  plan: 'sealed-plan',
  planStatus: 'partly',
  readinessOwners: [
    { item: 'housing', owner: 'municipality' },
    { item: 'income', owner: 'municipality' },
    { item: 'job_or_education_plan', owner: 'person' },
    { item: 'mentor_continuity', owner: 'police' },
  ],
  riskAssessment: 'sealed-risk',
  extendedAddressProtection: true,
  contactName: 'Kontaktperson Storstrøm',
  contactPhone: '72 55 00 00',
  submittedAt: await iso(),
  actor: CASEWORKER,
});

describe('exit-course workflow: the handover prepared before release', () => {
  it('from the notice: the plan’s units read, the report, a view, acceptance before release, and straight on at release', async () => {
    const { input, handle } = await notifiedCourse(45);
    expect(await accessOf(input.caseId)).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'write' },
      { org_unit: 'KOM-0751', access: 'read' },
      { org_unit: 'POL-OESTJYLLAND', access: 'read' },
    ]);
    const notified = await handle.query(exitCourseStateQuery);
    expect(notified.steps.find((step) => step.kind === 'handover_report')).toMatchObject({
      status: 'open',
      dueAt: reportDue(input.expectedReleaseDate),
    });

    await handle.executeUpdate(submitHandoverReportUpdate, { args: [await report()] });
    const [row] = await harness.db.query(
      `SELECT plan_encrypted, plan_status, readiness_owners, mentor_ref, mentor_minutes, mentor_contacts,
              psychologist_course, extended_address_protection, parole_conditions_encrypted, contact_name
         FROM handover_reports WHERE case_id = $1`,
      [input.caseId],
    );
    expect(row).toEqual({
      plan_encrypted: 'sealed-plan',
      plan_status: 'partly',
      readiness_owners: [
        { item: 'housing', owner: 'municipality', ready: false },
        { item: 'income', owner: 'municipality', ready: false },
        { item: 'job_or_education_plan', owner: 'person', ready: false },
        { item: 'mentor_continuity', owner: 'police', ready: false },
      ],
      mentor_ref: 'MENTOR-0042',
      mentor_minutes: 90,
      mentor_contacts: 1,
      psychologist_course: 'not_started',
      extended_address_protection: true,
      parole_conditions_encrypted: null,
      contact_name: 'Kontaktperson Storstrøm',
    });
    const [reportStep] = await harness.db.query(
      `SELECT status, outcome FROM steps WHERE case_id = $1 AND kind = 'handover_report'`,
      [input.caseId],
    );
    expect(reportStep).toEqual({ status: 'completed', outcome: 'submitted' });

    await handle.executeUpdate(recordHandoverViewUpdate, {
      args: [
        {
          party: 'municipality',
          recommendation: 'continue',
          view: 'sealed-view',
          recordedAt: await iso(),
          actor: MUNICIPAL,
        },
      ],
    });
    const decidedAt = await iso();
    await handle.executeUpdate(decideHandoverUpdate, {
      args: [{ decision: 'accept', continuation: 'with_municipality', decidedAt, actor: POLICE }],
    });
    const late = await refusalOf(
      handle.executeUpdate(recordHandoverViewUpdate, {
        args: [
          {
            party: 'kriminalforsorgen',
            recommendation: 'continue',
            view: 'x',
            recordedAt: await iso(),
            actor: CASEWORKER,
          },
        ],
      }),
    );
    expect(late).toEqual({
      type: 'IllegalTransition',
      message: 'Udtalelsen kan ikke gives: politiets exitenhed har truffet sin afgørelse om overdragelsen.',
    });
    const [early] = await harness.db.query(
      `SELECT status, early_handover_district, early_handover_decision, early_handover_continuation, early_handover_decided_at
         FROM exit_courses e JOIN cases c ON c.id = e.case_id WHERE case_id = $1`,
      [input.caseId],
    );
    expect(early).toEqual({
      status: 'agreement_active',
      early_handover_district: 'POL-OESTJYLLAND',
      early_handover_decision: 'accept',
      early_handover_continuation: 'with_municipality',
      early_handover_decided_at: new Date(decidedAt),
    });

    await harness.env.sleep(DAY_MS);
    const releasedAt = await iso();
    const released = await handle.executeUpdate(recordReleaseUpdate, { args: [{ releasedAt, actor: CASEWORKER }] });
    expect(released.status).toBe('police_course_active');
    expect(released.policePhase).toEqual({
      startedAt: releasedAt,
      policeDistrictCode: 'POL-OESTJYLLAND',
      via: 'handover',
    });
    expect(released.steps.filter((step) => step.kind === 'handover_decision')).toEqual([]);
    await handle.executeUpdate(readModelSyncedUpdate);
    const events: { action: string; details: Record<string, unknown> | null }[] = await harness.db.query(
      `SELECT action, details FROM case_events WHERE case_id = $1 AND action IN
         ('handover_report_submitted', 'handover_view_recorded', 'handover_accepted', 'released', 'handed_over', 'police_course_started')
        ORDER BY transition_seq, position`,
      [input.caseId],
    );
    expect(events.map((event) => event.action)).toEqual([
      'handover_report_submitted',
      'handover_view_recorded',
      'handover_accepted',
      'released',
      'handed_over',
      'police_course_started',
    ]);
    expect(events[1].details).toMatchObject({ party: 'municipality', recommendation: 'continue' });
    expect(events[2].details).toEqual({
      continuation: 'with_municipality',
      policeDistrictCode: 'POL-OESTJYLLAND',
      beforeRelease: true,
    });
    // On with the police exit unit: the municipality's mentors log contacts in the police phase.
    expect(await accessOf(input.caseId)).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'read' },
      { org_unit: 'KOM-0751', access: 'write' },
      { org_unit: 'POL-OESTJYLLAND', access: 'write' },
    ]);
    await recordHistory('handover-prepared-accepted-before-release', handle.workflowId);
  });

  it('moves the report deadline with the release date; a decline before release lapses when the plan names another district', async () => {
    const { input, handle } = await notifiedCourse(40);
    const later = await dateIn(35);
    const moved = await handle.executeUpdate(changeExpectedReleaseDateUpdate, {
      args: [{ expectedReleaseDate: later, reason: 'Ny beregning', actor: CASEWORKER }],
    });
    expect(moved.steps.find((step) => step.kind === 'handover_report')?.dueAt).toBe(reportDue(later));

    await handle.executeUpdate(decideHandoverUpdate, {
      args: [{ decision: 'decline', reason: 'Bor ikke i kredsen.', decidedAt: await iso(), actor: POLICE }],
    });
    const again = await refusalOf(
      handle.executeUpdate(decideHandoverUpdate, {
        args: [{ decision: 'accept', continuation: 'with_municipality', decidedAt: await iso(), actor: POLICE }],
      }),
    );
    expect(again.message).toBe(
      'Overdragelsen er allerede afgjort før løsladelsen. Efter et afslag ændrer Kriminalforsorgen løsladelsesplanens politikreds; ellers afgøres den igen ved løsladelsen.',
    );

    await handle.executeUpdate(setReleasePlanUpdate, {
      args: [{ municipalityCode: 'KOM-0751', policeDistrictCode: 'POL-KBH', actor: CASEWORKER }],
    });
    const replanned = await handle.executeUpdate(readModelSyncedUpdate);
    expect(replanned.handoverPreparation?.decidedBeforeRelease).toBeUndefined();
    expect(await accessOf(input.caseId)).toEqual([
      { org_unit: 'KF-STORSTROEM', access: 'write' },
      { org_unit: 'KOM-0751', access: 'read' },
      { org_unit: 'POL-KBH', access: 'read' },
    ]);
    const [early] = await harness.db.query(`SELECT early_handover_decision FROM exit_courses WHERE case_id = $1`, [
      input.caseId,
    ]);
    expect(early.early_handover_decision).toBeNull();

    // The new district may decide; releasing without its decision hands over as before, with a decision step.
    const released = await handle.executeUpdate(recordReleaseUpdate, {
      args: [{ releasedAt: await iso(), actor: CASEWORKER }],
    });
    expect(released.status).toBe('awaiting_handover_decision');
    expect(released.steps.filter((step) => step.status === 'open').map((step) => step.kind)).toEqual([
      'handover_decision',
    ]);
  });
});
