import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { isUuid } from '../common/uuid';
import type { AbsenceDto } from './absence.dto';
import type { AbsenceView } from './staff.views';
import { StaffRepository } from './staff.repository';
import { absenceInForceSql, TODAY_SQL } from '../../../../libs/persistence/absence-in-force';

interface AbsenceRow {
  id: string;
  user_id: string;
  user_name: string | null;
  substitute_id: string;
  substitute_name: string | null;
  org_unit: string;
  starts_on: string;
  ends_on: string;
  current: boolean;
  recorded_by: string;
  recorded_at: Date;
  cancelled_at: Date | null;
}

const refused = (message: string) => new ApiError(HttpStatus.CONFLICT, 'ABSENCE_REFUSED', message);
const notFound = (absenceId: string) =>
  new ApiError(HttpStatus.NOT_FOUND, 'ABSENCE_NOT_FOUND', 'Fraværet findes ikke.', { absenceId });
const userNotFound = (userId: string) =>
  new ApiError(HttpStatus.NOT_FOUND, 'USER_NOT_FOUND', 'Brugeren findes ikke.', { userId });

const SELECT = `a.id, a.user_id, au.display_name AS user_name, a.substitute_id, su.display_name AS substitute_name,
       a.org_unit, to_char(a.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(a.ends_on, 'YYYY-MM-DD') AS ends_on,
       (${absenceInForceSql('a')}) AS current,
       a.recorded_by, a.recorded_at, a.cancelled_at`;
const FROM = `absences a LEFT JOIN users au ON au.id::text = a.user_id LEFT JOIN users su ON su.id::text = a.substitute_id`;

export function toAbsence(row: AbsenceRow): AbsenceView {
  return {
    id: row.id,
    user: { id: row.user_id, displayName: row.user_name ?? row.user_id },
    substitute: { id: row.substitute_id, displayName: row.substitute_name ?? row.substitute_id },
    unit: row.org_unit,
    from: row.starts_on,
    to: row.ends_on,
    current: row.current,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
  };
}

/** Who may cancel an absence: the absent user, and a supervisor of its unit. */
export function mayCancelAbsence(user: AuthenticatedUser, absentUserId: string, unit: string): boolean {
  return absentUserId === user.id || (user.role === 'supervisor' && user.units.includes(unit));
}

/** Who may see an absence: the absent user, the substitute, a supervisor of its unit. */
function visibleAbsenceSql(user: AuthenticatedUser, params: unknown[]): string {
  params.push(user.id);
  const me = `$${params.length}`;
  if (user.role !== 'supervisor') return `(a.user_id = ${me} OR a.substitute_id = ${me})`;
  params.push(user.units);
  return `(a.user_id = ${me} OR a.substitute_id = ${me} OR a.org_unit = ANY($${params.length}::text[]))`;
}

/**
 * Absences with a substitute: recorded by the user themselves or by a supervisor for the unit's staff,
 * listed, cancelled, each change audited (access_log `absence_change`). While one is in force, notices for
 * the absent user go to the substitute with the supervisors copied (NoticeOutbox), and the substitute sees
 * the absent user's cases in "Mine opgaver".
 */
@Injectable()
export class AbsencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staff: StaffRepository,
    private readonly accessLog: AccessLogService,
  ) {}

  /** The absences not yet over (cancelled ones too) the user may see, the earliest first. */
  list(user: AuthenticatedUser, page: number, pageSize: number): Promise<Page<AbsenceView>> {
    const params: unknown[] = [];
    const visible = visibleAbsenceSql(user, params);
    return pagedQuery(
      this.dataSource,
      {
        from: FROM,
        where: `${visible} AND a.ends_on >= ${TODAY_SQL}`,
        params,
        select: SELECT,
        orderBy: 'a.starts_on, a.ends_on, a.id',
        page,
        pageSize,
      },
      toAbsence,
    );
  }

  async record(user: AuthenticatedUser, dto: AbsenceDto): Promise<AbsenceView> {
    const targetId = dto.userId ?? user.id;
    if (dto.from > dto.to) {
      throw ApiError.invalidDomainData('Sidste fraværsdag må ikke ligge før første fraværsdag.', { field: 'to' });
    }
    return this.dataSource.transaction(async (db) => {
      // The absent user's row is locked: two absences recorded at once cannot overlap.
      const [target]: { id: string; role: string; units: string[] }[] = await db.query(
        `SELECT id::text AS id, role, units FROM users WHERE id::text = $1 AND active FOR UPDATE`,
        [targetId],
      );
      const mayRecord =
        target &&
        (target.id === user.id || (user.role === 'supervisor' && target.units.some((u) => user.units.includes(u))));
      if (!mayRecord) {
        if (targetId === user.id) {
          throw ApiError.invalidDomainData('Fravær kan kun registreres for brugere af det lokale login.');
        }
        throw userNotFound(targetId);
      }
      const substitute = await this.staff.find(dto.substituteId, db);
      const shared = substitute?.units.filter((unit) => target.units.includes(unit)) ?? [];
      if (!substitute?.active || substitute.id === target.id || substitute.role !== target.role || !shared.length) {
        throw ApiError.invalidDomainData(
          'Stedfortræderen skal være en anden aktiv medarbejder med samme rolle i samme enhed.',
          { field: 'substituteId' },
        );
      }
      const [{ today }]: { today: string }[] = await db.query(`SELECT to_char(${TODAY_SQL}, 'YYYY-MM-DD') AS today`);
      if (dto.to < today) {
        throw ApiError.invalidDomainData('Fraværet er allerede slut: sidste fraværsdag ligger før i dag.', {
          field: 'to',
        });
      }
      const overlapping: unknown[] = await db.query(
        `SELECT 1 FROM absences WHERE user_id = $1 AND cancelled_at IS NULL AND starts_on <= $3::date AND ends_on >= $2::date`,
        [target.id, dto.from, dto.to],
      );
      if (overlapping.length) throw refused('Medarbejderen har allerede fravær i perioden: aflys det først.');
      const unit = shared.find((code) => user.units.includes(code)) ?? shared[0];
      const [{ id }]: { id: string }[] = await db.query(
        `INSERT INTO absences (user_id, substitute_id, org_unit, starts_on, ends_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [target.id, substitute.id, unit, dto.from, dto.to, user.id],
      );
      await this.accessLog.record(
        user,
        'absence_change',
        {
          userId: target.id,
          details: { absenceId: id, change: 'recorded', substituteId: substitute.id, from: dto.from, to: dto.to },
        },
        db,
      );
      return this.read(db, id);
    });
  }

  async cancel(user: AuthenticatedUser, absenceId: string): Promise<AbsenceView> {
    if (!isUuid(absenceId)) throw notFound(absenceId);
    return this.dataSource.transaction(async (db) => {
      const params: unknown[] = [absenceId];
      const visible = visibleAbsenceSql(user, params);
      const [row]: { id: string; user_id: string; org_unit: string; cancelled: boolean; ended: boolean }[] =
        await db.query(
          `SELECT a.id, a.user_id, a.org_unit, a.cancelled_at IS NOT NULL AS cancelled, a.ends_on < ${TODAY_SQL} AS ended
           FROM absences a WHERE a.id = $1 AND ${visible} FOR UPDATE`,
          params,
        );
      if (!row) throw notFound(absenceId);
      // The substitute sees the absence but does not end it: the absent user's notices would go back to them.
      if (!mayCancelAbsence(user, row.user_id, row.org_unit)) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'FORBIDDEN',
          'Kun den fraværende selv og enhedens leder kan aflyse fraværet.',
        );
      }
      if (row.cancelled) throw refused('Fraværet er allerede aflyst.');
      if (row.ended) throw refused('Fraværet er slut og kan ikke aflyses.');
      await db.query(`UPDATE absences SET cancelled_at = now(), cancelled_by = $2 WHERE id = $1`, [row.id, user.id]);
      await this.accessLog.record(
        user,
        'absence_change',
        { userId: row.user_id, details: { absenceId: row.id, change: 'cancelled' } },
        db,
      );
      return this.read(db, row.id);
    });
  }

  /** The absences in force today of these users, by user. */
  async currentOf(userIds: readonly string[]): Promise<Map<string, AbsenceView>> {
    if (!userIds.length) return new Map();
    const rows: AbsenceRow[] = await this.dataSource.query(
      `SELECT ${SELECT} FROM ${FROM}
        WHERE a.user_id = ANY($1::text[]) AND ${absenceInForceSql('a')}
        ORDER BY a.recorded_at`,
      [[...userIds]],
    );
    return new Map(rows.map((row) => [row.user_id, toAbsence(row)]));
  }

  private async read(db: Pick<DataSource, 'query'>, id: string): Promise<AbsenceView> {
    const [row]: AbsenceRow[] = await db.query(`SELECT ${SELECT} FROM ${FROM} WHERE a.id = $1`, [id]);
    return toAbsence(row);
  }
}
