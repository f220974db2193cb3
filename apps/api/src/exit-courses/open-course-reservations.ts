import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { caseWorkflowId } from '../../../../libs/domain/case/case-workflows';
import { API_CONFIG } from '../api.tokens';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT, TemporalCalls } from '../temporal/temporal-client.provider';

/** No start waits this long for its reservation: past it, an unconfirmed reservation may be an orphan. */
const MIN_STALE_SECONDS = 60;

/**
 * One open exit course per person (open_exit_courses). The API reserves the person before it starts the
 * course's workflow; the read model releases the reservation when the course ends.
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
  ) {
    this.timeoutMs = config.api.commandTimeoutMs;
    this.staleSeconds = Math.max(MIN_STALE_SECONDS, (2 * config.api.commandTimeoutMs) / 1000);
  }

  async reserve(personRef: string, caseId: string): Promise<void> {
    const [held]: { case_id: string; stale: boolean; recorded: boolean }[] = await this.dataSource.query(
      `WITH claim AS (
         INSERT INTO open_exit_courses (person_ref, case_id) VALUES ($1, $2)
         ON CONFLICT (person_ref) DO UPDATE SET person_ref = EXCLUDED.person_ref
         RETURNING case_id, reserved_at)
       SELECT claim.case_id, claim.reserved_at < now() - make_interval(secs => $3) AS stale,
              EXISTS (SELECT 1 FROM cases c WHERE c.id = claim.case_id) AS recorded
         FROM claim`,
      [personRef, caseId, this.staleSeconds],
    );
    if (held.case_id === caseId) return;
    if (
      held.recorded ||
      !held.stale ||
      (await this.workflowExists(held.case_id)) ||
      !(await this.takeOver(personRef, held.case_id, caseId))
    ) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'COURSE_ALREADY_OPEN',
        'Personen har allerede et åbent exit-forløb. Et nyt kan startes, når det er afsluttet.',
      );
    }
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

  private async takeOver(personRef: string, orphanCaseId: string, caseId: string): Promise<boolean> {
    const [{ taken }]: { taken: number }[] = await this.dataSource.query(
      `WITH moved AS (UPDATE open_exit_courses SET case_id = $3, reserved_at = now() WHERE person_ref = $1 AND case_id = $2 RETURNING 1)
       SELECT count(*)::int AS taken FROM moved`,
      [personRef, orphanCaseId, caseId],
    );
    return taken === 1;
  }
}
