import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ConcernLetterProposer } from '../../../../libs/domain/youth/youth-vocabulary';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { isCaseId } from '../cases/case-id';
import type { CaseRecordRow } from '../cases/case-records.repository';

export interface RoundRow {
  id: string;
  police_district: string;
  meeting_date: string;
  capacity: number;
  candidate_count: number;
  created_at: Date;
}

/** A candidate's own row: its round, who proposed it, and the course its outcome started. */
export interface CandidateRow {
  case_id: string;
  round_id: string;
  meeting_date: string;
  proposed_by: ConcernLetterProposer;
  proposing_unit: string;
  exit_course_id: string | null;
}

const ROUND_COLUMNS = `r.id, r.police_district, to_char(r.meeting_date, 'YYYY-MM-DD') AS meeting_date, r.capacity, r.created_at,
  (SELECT count(*)::int FROM concern_letter_candidates k WHERE k.round_id = r.id) AS candidate_count`;

const CANDIDATE_COLUMNS = `k.case_id, k.round_id, to_char(r.meeting_date, 'YYYY-MM-DD') AS meeting_date, k.proposed_by,
  k.proposing_unit, k.exit_course_id`;

/**
 * The coordination rounds of concern letters and their candidates' places. A round holds no personal data;
 * its candidates are cases, read only within the user's scope (the access policy's condition).
 */
@Injectable()
export class ConcernLetterRoundsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The district's latest meeting date (YYYY-MM-DD), if it has held or planned a round. */
  async lastMeetingDate(policeDistrict: string): Promise<string | undefined> {
    const [row]: { meeting_date: string | null }[] = await this.dataSource.query(
      `SELECT to_char(max(meeting_date), 'YYYY-MM-DD') AS meeting_date FROM concern_letter_rounds WHERE police_district = $1`,
      [policeDistrict],
    );
    return row?.meeting_date ?? undefined;
  }

  /** A new round; 409 when the district already has one that day. */
  async create(round: { policeDistrict: string; meetingDate: string; capacity: number; createdBy: string }) {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO concern_letter_rounds (police_district, meeting_date, capacity, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (police_district, meeting_date) DO NOTHING RETURNING id`,
      [round.policeDistrict, round.meetingDate, round.capacity, round.createdBy],
    );
    if (!rows.length) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'ILLEGAL_TRANSITION',
        'Politikredsen har allerede en runde den dag: indstil kandidaterne til den.',
      );
    }
    return rows[0].id;
  }

  async find(roundId: string): Promise<RoundRow | undefined> {
    if (!isCaseId(roundId)) return undefined;
    const rows: RoundRow[] = await this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM concern_letter_rounds r WHERE r.id = $1`,
      [roundId],
    );
    return rows[0];
  }

  list(policeDistrict: string | undefined, page: number, pageSize: number): Promise<Page<RoundRow>> {
    return pagedQuery(
      this.dataSource,
      {
        from: 'concern_letter_rounds r',
        where: policeDistrict ? 'r.police_district = $1' : 'TRUE',
        params: policeDistrict ? [policeDistrict] : [],
        select: ROUND_COLUMNS,
        orderBy: 'r.meeting_date DESC, r.id DESC',
        page,
        pageSize,
      },
      (row: RoundRow) => row,
    );
  }

  /**
   * Holds a place on the round for the candidate's case, before its workflow starts: one place per person,
   * no more than the capacity (the round's row is locked meanwhile, so two proposals cannot take the last
   * place both). A retried proposal under the same key finds its place held already.
   */
  async holdPlace(place: {
    roundId: string;
    caseId: string;
    personRef: string;
    proposedBy: ConcernLetterProposer;
    proposingUnit: string;
  }): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const [round]: { capacity: number }[] = await db.query(
        `SELECT capacity FROM concern_letter_rounds WHERE id = $1 FOR UPDATE`,
        [place.roundId],
      );
      const held: { case_id: string; person_ref: string }[] = await db.query(
        `SELECT case_id, person_ref FROM concern_letter_candidates WHERE round_id = $1`,
        [place.roundId],
      );
      if (held.some((row) => row.case_id === place.caseId)) return;
      if (held.some((row) => row.person_ref === place.personRef)) {
        throw new ApiError(HttpStatus.CONFLICT, 'ILLEGAL_TRANSITION', 'Personen er allerede kandidat i denne runde.');
      }
      if (held.length >= round.capacity) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'ILLEGAL_TRANSITION',
          `Runden er fuld: den har plads til ${round.capacity} kandidater. Indstil kandidaten til næste runde.`,
        );
      }
      await db.query(
        `INSERT INTO concern_letter_candidates (case_id, round_id, person_ref, proposed_by, proposing_unit)
         VALUES ($1, $2, $3, $4, $5)`,
        [place.caseId, place.roundId, place.personRef, place.proposedBy, place.proposingUnit],
      );
    });
  }

  /** Frees the place of a proposal whose case certainly did not start. */
  async releasePlace(caseId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM concern_letter_candidates WHERE case_id = $1`, [caseId]);
  }

  async candidatesOf(caseIds: readonly string[]): Promise<Map<string, CandidateRow>> {
    if (!caseIds.length) return new Map();
    const rows: CandidateRow[] = await this.dataSource.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM concern_letter_candidates k JOIN concern_letter_rounds r ON r.id = k.round_id
        WHERE k.case_id = ANY($1::uuid[])`,
      [caseIds],
    );
    return new Map(rows.map((row) => [row.case_id, row]));
  }

  /** The round's candidates the user may see (their cases), in the order they were proposed. */
  async visibleCandidates(roundId: string, user: AuthenticatedUser): Promise<CaseRecordRow[]> {
    const params = new SqlParameters();
    const roundParam = params.add(roundId);
    return this.dataSource.query(
      `SELECT c.id, c.workflow_id, c.person_ref, c.org_unit, c.status, c.opened_at, c.closed_at
         FROM concern_letter_candidates k JOIN cases c ON c.id = k.case_id
        WHERE k.round_id = ${roundParam} AND ${visibleCaseCondition(user, 'c', params)}
        ORDER BY k.created_at, c.id`,
      params.values,
    );
  }

  /** The course an `exit_course` outcome started from the letter: the letter shows it, the course its letter. */
  async linkExitCourse(caseId: string, exitCourseId: string): Promise<void> {
    await this.dataSource.query(`UPDATE concern_letter_candidates SET exit_course_id = $2 WHERE case_id = $1`, [
      caseId,
      exitCourseId,
    ]);
  }
}
