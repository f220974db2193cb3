import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { ApiError } from '../common/api-error';
import { isUuid } from '../common/uuid';
import type { CourseCoordinationView } from './course-coordination.views';

/** The answer to a start the starting unit may not be told the reason for: the same whatever the reason. */
export function startNeedsCoordination(): ApiError {
  return new ApiError(
    HttpStatus.ACCEPTED,
    'COURSE_START_NEEDS_COORDINATION',
    'Forløbet kan ikke startes med det samme. Anmodningen er sendt til den landsdækkende leder, som vender tilbage.',
  );
}

/**
 * Starts for a person whose open course another unit holds (docs/need-to-know.md): for the national
 * supervisor of the organisation holding it, who sees both units and resolves the request. A municipality
 * has no national supervisor; the police's coordinates its courses, which its exit units run with it.
 */
@Injectable()
export class CourseCoordinationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One open request per requesting unit and held course: a retry adds none. */
  async request(
    user: AuthenticatedUser,
    requestingUnit: string,
    personRef: string,
    held: { caseId: string; unit: string },
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO course_coordinations (requesting_unit, requested_by, requesting_person_ref, held_case_id, holding_unit, holding_organisation)
       SELECT $1::varchar, $2::varchar, $3::varchar, $4::uuid, $5::varchar, CASE WHEN o.organisation = 'kommune' THEN 'politi' ELSE COALESCE(o.organisation, 'kriminalforsorgen') END
         FROM (SELECT (SELECT ou.organisation FROM organisation_units ou WHERE ou.code = $5::varchar) AS organisation) o
       ON CONFLICT DO NOTHING`,
      [requestingUnit, user.id, personRef, held.caseId, held.unit],
    );
  }

  /** The national supervisor's requests, newest first. */
  async list(user: AuthenticatedUser): Promise<CourseCoordinationView[]> {
    const rows: CoordinationRow[] = await this.dataSource.query(
      `${SELECT} WHERE k.holding_organisation = $1 ORDER BY k.requested_at DESC, k.id`,
      [user.organisation],
    );
    return rows.map(view);
  }

  /** Marks a request resolved: 404 outside the supervisor's organisation, 409 when it was already. */
  async resolve(id: string, user: AuthenticatedUser): Promise<CourseCoordinationView> {
    const organisation = user.organisation;
    if (!isUuid(id)) throw notFound();
    const [{ resolved }]: { resolved: number }[] = await this.dataSource.query(
      `WITH done AS (UPDATE course_coordinations SET resolved_at = now(), resolved_by = $3
         WHERE id = $1 AND holding_organisation = $2 AND resolved_at IS NULL RETURNING 1)
       SELECT count(*)::int AS resolved FROM done`,
      [id, organisation, user.id],
    );
    const [row]: CoordinationRow[] = await this.dataSource.query(
      `${SELECT} WHERE k.id = $1 AND k.holding_organisation = $2`,
      [id, organisation],
    );
    if (!row) throw notFound();
    if (!resolved) {
      throw new ApiError(HttpStatus.CONFLICT, 'ILLEGAL_TRANSITION', 'Anmodningen er allerede afsluttet.');
    }
    return view(row);
  }
}

interface CoordinationRow {
  id: string;
  requested_at: Date;
  requesting_unit: string;
  requesting_unit_name: string;
  held_case_id: string;
  holding_unit: string;
  holding_unit_name: string;
  resolved_at: Date | null;
}

const SELECT = `SELECT k.id, k.requested_at, k.requesting_unit, COALESCE(r.name, k.requesting_unit) AS requesting_unit_name,
       k.held_case_id, k.holding_unit, COALESCE(h.name, k.holding_unit) AS holding_unit_name, k.resolved_at
  FROM course_coordinations k
  LEFT JOIN organisation_units r ON r.code = k.requesting_unit
  LEFT JOIN organisation_units h ON h.code = k.holding_unit`;

function view(row: CoordinationRow): CourseCoordinationView {
  return {
    id: row.id,
    requestedAt: row.requested_at.toISOString(),
    requestingUnit: { code: row.requesting_unit, name: row.requesting_unit_name },
    holdingUnit: { code: row.holding_unit, name: row.holding_unit_name },
    heldCaseId: row.held_case_id,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

function notFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'Anmodningen findes ikke.');
}
