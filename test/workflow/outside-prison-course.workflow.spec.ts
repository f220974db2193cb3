import { randomUUID } from 'node:crypto';
import { computeDueAt } from '../../libs/domain/deadlines/deadline-rule';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import type { StartExitCourseInput } from '../../libs/domain/exit-course/exit-course.types';
import {
  changeExpectedReleaseDateUpdate,
  exitCourseStateQuery,
  interruptCourseUpdate,
  readModelSyncedUpdate,
  recordAgreementSignedUpdate,
  recordPrisonTransferUpdate,
  recordReleaseUpdate,
  recordSuitabilityAssessmentUpdate,
  setReleasePlanUpdate,
  updateReadinessUpdate,
} from '../../workflows/exit-course/exit-course.messages';
import { EXIT_COURSE_WORKFLOW_ID_PREFIX, exitCourseWorkflow } from '../../workflows/exit-course/exit-course.workflow';
import { DAY_MS } from '../support/exit-course-fixtures';
import { refusalOf, useWorkflowTestHarness } from '../support/workflow-test-harness';

/**
 * A course a police exit unit or a municipality starts outside prison (DOMAIN.md §5): the starting unit
 * holds it, its own suitability assessment and agreement, no prison steps, and the agreement begins the
 * police phase.
 */
const harness = useWorkflowTestHarness('outside-prison-course-workflow-test', 'exit-course');
const { now, recordHistory } = harness;

const POLICE_OFFICER = { id: 'user-politi-kbh-exit-1' };
const MUNICIPAL_CASEWORKER = { id: 'user-kommune-kbh-1' };

function outsideInput(referredAt: Date, overrides: Partial<StartExitCourseInput>): StartExitCourseInput {
  return {
    caseId: randomUUID(),
    personRef: 'P-TEST-0101',
    paroleLinked: false,
    referralSource: 'concern_letter',
    outsidePrison: { startedBy: 'police', startingUnitCode: 'POL-KBH', policeDistrictCode: 'POL-KBH' },
    referredAt: referredAt.toISOString(),
    deadlines: defaultDeadlinePolicy(),
    actor: POLICE_OFFICER,
    ...overrides,
  };
}

const start = (input: StartExitCourseInput) =>
  harness.startSynced(
    exitCourseWorkflow,
    `${EXIT_COURSE_WORKFLOW_ID_PREFIX}${input.caseId}`,
    readModelSyncedUpdate,
    input,
  );

async function actions(caseId: string): Promise<string[]> {
  const rows: { action: string }[] = await harness.db.query(
    `SELECT action FROM case_events WHERE case_id = $1 ORDER BY transition_seq, position`,
    [caseId],
  );
  return rows.map((row) => row.action);
}

async function access(caseId: string): Promise<{ org_unit: string; organisation: string; access: string }[]> {
  return harness.db.query(
    `SELECT org_unit, organisation, access FROM case_access WHERE case_id = $1 ORDER BY org_unit`,
    [caseId],
  );
}

async function detailsOf(caseId: string, action: string): Promise<Record<string, unknown>> {
  const [row]: { details: Record<string, unknown> }[] = await harness.db.query(
    `SELECT details FROM case_events WHERE case_id = $1 AND action = $2`,
    [caseId, action],
  );
  return row.details;
}

/** The actions up to and including the police phase's start (what the police phase does after is its own). */
const throughPoliceStart = (all: string[]) => all.slice(0, all.indexOf('police_course_started') + 1);

describe('a course started outside prison', () => {
  it('is held by the starting police district, has no prison steps, and its agreement begins the police phase', async () => {
    const referredAt = await now();
    const input = outsideInput(referredAt, {});
    const handle = await start(input);

    const started = await handle.query(exitCourseStateQuery);
    expect(started.status).toBe('awaiting_suitability_assessment');
    expect(started.steps.map((step) => [step.kind, step.status, step.dueAt])).toEqual([
      ['suitability_assessment', 'open', computeDueAt(input.deadlines.suitabilityAssessment, referredAt).toISOString()],
    ]);
    const [course] = await harness.db.query(
      `SELECT c.org_unit, e.referral_source, e.outside_prison, e.expected_release_date, e.parole_linked
         FROM cases c JOIN exit_courses e ON e.case_id = c.id WHERE c.id = $1`,
      [input.caseId],
    );
    expect(course).toEqual({
      org_unit: 'POL-KBH',
      referral_source: 'concern_letter',
      outside_prison: true,
      expected_release_date: null,
      parole_linked: false,
    });
    expect(await access(input.caseId)).toEqual([{ org_unit: 'POL-KBH', organisation: 'politi', access: 'write' }]);
    expect(await detailsOf(input.caseId, 'case_started')).toEqual({
      startingUnitCode: 'POL-KBH',
      startedBy: 'police',
      policeDistrictCode: 'POL-KBH',
      referralSource: 'concern_letter',
    });

    // No release, transfer or release checklist: the prison's decisions are refused, and nothing changes.
    const actor = POLICE_OFFICER;
    const refusals = [
      await refusalOf(
        handle.executeUpdate(recordPrisonTransferUpdate, {
          args: [{ toInstitutionCode: 'KF-ENNER-MARK', transferredAt: referredAt.toISOString(), actor }],
        }),
      ),
      await refusalOf(
        handle.executeUpdate(setReleasePlanUpdate, {
          args: [{ municipalityCode: 'KOM-0101', policeDistrictCode: 'POL-KBH', actor }],
        }),
      ),
      await refusalOf(
        handle.executeUpdate(changeExpectedReleaseDateUpdate, {
          args: [{ expectedReleaseDate: '2099-01-01', reason: 'Dom', actor }],
        }),
      ),
      await refusalOf(handle.executeUpdate(updateReadinessUpdate, { args: [{ item: 'housing', ready: true, actor }] })),
      await refusalOf(
        handle.executeUpdate(interruptCourseUpdate, {
          args: [
            {
              by: 'kriminalforsorgen',
              reasonCode: 'other',
              reason: 'Ikke egnet',
              interruptedAt: referredAt.toISOString(),
              actor,
            },
          ],
        }),
      ),
    ];
    expect(refusals).toEqual([
      {
        type: 'IllegalTransition',
        message: 'Overførslen kan ikke registreres: forløbet er startet uden for fængslet og har ingen løsladelse.',
      },
      {
        type: 'IllegalTransition',
        message: 'Løsladelsesplanen kan ikke ændres: forløbet er startet uden for fængslet og har ingen løsladelse.',
      },
      {
        type: 'IllegalTransition',
        message: 'Løsladelsesdatoen kan ikke ændres: forløbet er startet uden for fængslet og har ingen løsladelse.',
      },
      {
        type: 'IllegalTransition',
        message:
          'Løsladelsesparatheden kan ikke ændres: forløbet er startet uden for fængslet og har ingen løsladelse.',
      },
      {
        type: 'InvalidDomainData',
        message:
          'Et forløb startet uden for fængslet kan kun afbrydes efter borgerens eget valg. Er borgeren ikke egnet, registreres et afslag i egnethedsvurderingen.',
      },
    ]);
    expect(await actions(input.caseId)).toEqual(['case_started', 'step_opened']);

    const offeredAt = new Date(referredAt.getTime() + DAY_MS);
    await harness.env.sleep(2 * DAY_MS);
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: offeredAt.toISOString(), actor }],
    });
    const signedAt = new Date(referredAt.getTime() + 2 * DAY_MS).toISOString();
    const signed = await handle.executeUpdate(recordAgreementSignedUpdate, { args: [{ signedAt, actor }] });
    await handle.executeUpdate(readModelSyncedUpdate);

    expect(signed.status).toBe('police_course_active');
    expect(signed.policePhase).toEqual({ startedAt: signedAt, policeDistrictCode: 'POL-KBH', via: 'agreement' });
    expect(signed.steps.filter((step) => ['mentor_assignment', 'release_preparation'].includes(step.kind))).toEqual([]);
    expect(throughPoliceStart(await actions(input.caseId))).toEqual([
      'case_started',
      'step_opened',
      'suitability_offer',
      'step_completed',
      'step_opened',
      'agreement_signed',
      'step_completed',
      'police_course_started',
    ]);
    expect(await detailsOf(input.caseId, 'police_course_started')).toEqual({
      policeDistrictCode: 'POL-KBH',
      via: 'agreement',
    });
    const [{ status }] = await harness.db.query(`SELECT status FROM cases WHERE id = $1`, [input.caseId]);
    expect(status).toBe('police_course_active');
    expect(await access(input.caseId)).toEqual([{ org_unit: 'POL-KBH', organisation: 'politi', access: 'write' }]);
    // Still no release for it once the police run it.
    expect(
      await refusalOf(
        handle.executeUpdate(recordReleaseUpdate, {
          args: [{ releasedAt: signedAt, policeDistrictCode: 'POL-KBH', municipalityCode: 'KOM-0101', actor }],
        }),
      ),
    ).toEqual({
      type: 'IllegalTransition',
      message: 'Løsladelsen kan ikke registreres: forløbet er startet uden for fængslet og har ingen løsladelse.',
    });
    await recordHistory('outside-prison-police-start', handle.workflowId);
  });

  it('started by a municipality, gains the named district exit unit at the agreement', async () => {
    const referredAt = await now();
    const input = outsideInput(referredAt, {
      referralSource: 'municipality',
      outsidePrison: { startedBy: 'municipality', startingUnitCode: 'KOM-0101', policeDistrictCode: 'POL-KBH' },
      actor: MUNICIPAL_CASEWORKER,
    });
    const handle = await start(input);
    expect(await access(input.caseId)).toEqual([{ org_unit: 'KOM-0101', organisation: 'kommune', access: 'write' }]);

    const actor = MUNICIPAL_CASEWORKER;
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: referredAt.toISOString(), actor }],
    });
    const signed = await handle.executeUpdate(recordAgreementSignedUpdate, {
      args: [{ signedAt: referredAt.toISOString(), actor }],
    });
    await handle.executeUpdate(readModelSyncedUpdate);

    expect(signed.policePhase).toEqual({
      startedAt: referredAt.toISOString(),
      policeDistrictCode: 'POL-KBH',
      via: 'agreement',
    });
    expect(await access(input.caseId)).toEqual([
      { org_unit: 'KOM-0101', organisation: 'kommune', access: 'write' },
      { org_unit: 'POL-KBH', organisation: 'politi', access: 'write' },
    ]);
    expect(await detailsOf(input.caseId, 'case_started')).toEqual({
      startingUnitCode: 'KOM-0101',
      startedBy: 'municipality',
      policeDistrictCode: 'POL-KBH',
      referralSource: 'municipality',
    });
    await recordHistory('outside-prison-municipal-start', handle.workflowId);
  });

  it('may be interrupted by the person before the agreement, which ends it', async () => {
    const referredAt = await now();
    const input = outsideInput(referredAt, { referralSource: 'self_referral' });
    const handle = await start(input);
    await handle.executeUpdate(recordSuitabilityAssessmentUpdate, {
      args: [{ outcome: 'offer', decidedAt: referredAt.toISOString(), actor: POLICE_OFFICER }],
    });
    const ended = await handle.executeUpdate(interruptCourseUpdate, {
      args: [
        {
          by: 'inmate',
          reasonCode: 'own_wish',
          reason: 'Ønsker ikke forløbet alligevel',
          interruptedAt: referredAt.toISOString(),
          actor: POLICE_OFFICER,
        },
      ],
    });
    await handle.result();

    expect(ended.status).toBe('interrupted_by_inmate');
    expect(ended.steps.map((step) => [step.kind, step.status])).toEqual([
      ['suitability_assessment', 'completed'],
      ['agreement_signing', 'cancelled'],
    ]);
    const [row] = await harness.db.query(`SELECT status, closed_at FROM cases WHERE id = $1`, [input.caseId]);
    expect(row).toEqual({ status: 'interrupted_by_inmate', closed_at: new Date(referredAt.toISOString()) });
  });
});
