import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { caseWorkflowId } from '../../../../libs/domain/case/case-workflows';
import { API_CONFIG } from '../api.tokens';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT, TemporalCalls } from '../temporal/temporal-client.provider';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CourseCoordinationsRepository, startNeedsCoordination } from './course-coordinations.repository';

interface HeldReservation {
  cpr_lookup: string;
  case_id: string;
  /** The unit whose start reserved it (null for a reservation from before units were recorded). */
  org_unit: string | null;
  stale: boolean;
  /** The course's responsible unit once the read model records it. */
  recorded_unit: string | null;
}

/** No start waits this long for its reservation: past it, an unconfirmed reservation may be an orphan. */
const MIN_STALE_SECONDS = 60;

/**
 * One open exit course per person (open_exit_courses, keyed by the CPR number's lookup hash, which never
 * leaves the server). The API reserves the person before it starts the course's workflow; the read model
 * releases the reservation when the course ends.
 *
 * A start that dies between reserving and starting (an API crash, a lost connection) leaves a reservation
 * for a course that never began, which would refuse the person for ever. So a reservation held by a case
 * the read model does not know is checked once it is older than any start can take (twice the command
 * timeout, at least a minute): if Temporal has no workflow for it either, it is an orphan and the new
 * start takes it over — in one conditional UPDATE, so two starts cannot both take it.
 */
@Injectable()
export class OpenCourseReservations {
  private readonly staleSeconds: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly calls: TemporalCalls,
    @Inject(API_CONFIG) config: ExitflowConfig,
    private readonly coordinations: CourseCoordinationsRepository,
  ) {
    this.timeoutMs = config.api.commandTimeoutMs;
    this.staleSeconds = Math.max(MIN_STALE_SECONDS, (2 * config.api.commandTimeoutMs) / 1000);
  }

  /**
   * Reserves the person (by the CPR number's lookup hash: the rule holds across the organisations' register
   * entries) for a course the user starts for `unit`. Refused with 409 to a user who may see the open course
   * (or whose unit's start holds it); to anyone else with the coordination answer (docs/need-to-know.md).
   */
  async reserve(personRef: string, caseId: string, user: AuthenticatedUser, unit: string): Promise<void> {
    const [held]: HeldReservation[] = await this.dataSource.query(
      `WITH claim AS (
         INSERT INTO open_exit_courses (cpr_lookup, person_ref, case_id, org_unit)
         SELECT p.cpr_lookup, $1::varchar, $2::uuid, $4::varchar FROM persons p WHERE p.id::text = $1
         ON CONFLICT (cpr_lookup) DO UPDATE SET cpr_lookup = EXCLUDED.cpr_lookup
         RETURNING cpr_lookup, case_id, org_unit, reserved_at)
       SELECT claim.cpr_lookup, claim.case_id, claim.org_unit, claim.reserved_at < now() - make_interval(secs => $3) AS stale,
              (SELECT c.org_unit FROM cases c WHERE c.id = claim.case_id) AS recorded_unit
         FROM claim`,
      [personRef, caseId, this.staleSeconds, unit],
    );
    if (held.case_id === caseId) return;
    if (
      held.recorded_unit !== null ||
      !held.stale ||
      (await this.workflowExists(held.case_id)) ||
      !(await this.takeOver(held.cpr_lookup, held.case_id, { caseId, personRef, unit }))
    ) {
      if (await this.mayKnow(held, user)) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'COURSE_ALREADY_OPEN',
          'Personen har allerede et åbent exit-forløb. Et nyt kan startes, når det er afsluttet.',
        );
      }
      await this.coordinations.request(user, unit, personRef, {
        caseId: held.case_id,
        unit: held.recorded_unit ?? held.org_unit ?? unit,
      });
      throw startNeedsCoordination();
    }
  }

  /** Whether the user may see the open course, or (before the read model records it) its unit started it. */
  private async mayKnow(held: HeldReservation, user: AuthenticatedUser): Promise<boolean> {
    if (held.recorded_unit === null) return held.org_unit !== null && user.units.includes(held.org_unit);
    const params = new SqlParameters();
    const idParam = params.add(held.case_id);
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM cases c WHERE c.id = ${idParam} AND ${visibleCaseCondition(user, 'c', params)}`,
      params.values,
    );
    return rows.length > 0;
  }

  /** Frees the person again after a start that certainly did not begin. */
  async release(caseId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM open_exit_courses WHERE case_id = $1`, [caseId]);
  }

  private async workflowExists(caseId: string): Promise<boolean> {
    try {
      await this.calls.within(this.timeoutMs, () =>
        this.client.workflow.getHandle(caseWorkflowId('exit_course', caseId)).describe(),
      );
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  private async takeOver(
    cprLookup: string,
    orphanCaseId: string,
    start: { caseId: string; personRef: string; unit: string },
  ): Promise<boolean> {
    const [{ taken }]: { taken: number }[] = await this.dataSource.query(
      `WITH moved AS (UPDATE open_exit_courses SET case_id = $3, person_ref = $4, org_unit = $5, reserved_at = now()
                       WHERE cpr_lookup = $1 AND case_id = $2 RETURNING 1)
       SELECT count(*)::int AS taken FROM moved`,
      [cprLookup, orphanCaseId, start.caseId, start.personRef, start.unit],
    );
    return taken === 1;
  }
}
