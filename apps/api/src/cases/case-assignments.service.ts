import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasPermission } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import {
  ASSIGNEE_ROLES,
  ASSIGNMENT_CHANGE_LABELS,
  SYSTEM_ACTOR,
  type AssignmentChange,
} from '../../../../libs/domain/case/case-assignment';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import { AbsencesService } from '../staff/absences.service';
import { StaffRepository, type StaffMember } from '../staff/staff.repository';
import type { StaffRefView } from '../staff/staff.views';
import { CaseScopeRepository, requireWritable, type ScopedCase } from './case-scope.repository';
import type { AssignableView } from '../staff/staff.views';
import type { AssignmentHistoryView, CaseAssignmentView } from './case-assignment.views';

type Db = Pick<DataSource, 'query'>;

interface HistoryRow {
  case_id: string;
  change: AssignmentChange;
  from_user_id: string | null;
  to_user_id: string | null;
  org_unit: string;
  changed_by: string;
  reason: string | null;
  at: Date;
}

const forbidden = (message: string) => new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);

/**
 * Who may assign a case: a caseworker of the unit holding it, or a supervisor of that unit. Write access alone is
 * not enough: after a release the police district may change the case, but it is still the prison's to staff.
 */
const mayStaff = (user: AuthenticatedUser, found: ScopedCase) =>
  user.role === 'supervisor' ? user.units.includes(found.orgUnit) : worksIn(user, found);

/** Whether the user works cases of this type in the unit holding the case (a caseworker, not a supervisor). */
const worksIn = (user: Pick<StaffMember, 'role' | 'units'>, found: ScopedCase) =>
  user.units.includes(found.orgUnit) && ASSIGNEE_ROLES[found.caseType].includes(user.role);

/**
 * A case's responsible caseworker, for every case type alike: taken by a caseworker of the holding unit
 * ("Tag sagen"), assigned or reassigned by a supervisor of the unit or by a caseworker to a colleague —
 * one case or many, all or none. Each change is written to `case_assignments` (append-only) and
 * `access_log` (`case_assignment`) in the same transaction, and the new assignee gets a `case_assigned`
 * notice (not when they took the case themselves). Transfers and handovers clear the assignee in the read
 * model (activities/read-model.activities.ts).
 */
@Injectable()
export class CaseAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: CaseScopeRepository,
    private readonly staff: StaffRepository,
    private readonly absences: AbsencesService,
    private readonly accessLog: AccessLogService,
  ) {}

  async view(user: AuthenticatedUser, caseId: string): Promise<CaseAssignmentView> {
    const found = (await this.scope.findManyForUser([caseId], user)).get(caseId);
    if (!found) throw ApiError.caseNotFound(caseId);
    const [view] = await this.views(user, [found]);
    return view;
  }

  take(user: AuthenticatedUser, caseId: string): Promise<CaseAssignmentView[]> {
    return this.change(user, [caseId], user.id, undefined, true);
  }

  assign(
    user: AuthenticatedUser,
    caseIds: string[],
    assigneeId: string,
    reason?: string,
  ): Promise<CaseAssignmentView[]> {
    return this.change(user, [...new Set(caseIds)], assigneeId, reason, false);
  }

  private async change(
    user: AuthenticatedUser,
    caseIds: string[],
    assigneeId: string,
    reason: string | undefined,
    take: boolean,
  ): Promise<CaseAssignmentView[]> {
    const changed = await this.dataSource.transaction(async (db) => {
      const cases = await this.scope.findManyForUser(caseIds, user, db, true);
      const assignee = await this.staff.find(assigneeId, db);
      const list = caseIds.map((caseId) => {
        const found = cases.get(caseId);
        if (!found) throw ApiError.caseNotFound(caseId);
        return found;
      });
      for (const found of list) this.refuse(user, found, assignee, reason, take);
      for (const found of list) {
        if (found.assigneeId === assigneeId) continue;
        const change: AssignmentChange = take ? 'taken' : found.assigneeId ? 'reassigned' : 'assigned';
        await this.write(db, user, found, assigneeId, change, reason);
        found.assigneeId = assigneeId;
      }
      return list;
    });
    return this.views(user, changed);
  }

  /** Every reason a change is refused, before anything is written (a bulk change is all or nothing). */
  private refuse(
    user: AuthenticatedUser,
    found: ScopedCase,
    assignee: StaffMember | undefined,
    reason: string | undefined,
    take: boolean,
  ): void {
    const details = { caseId: found.id };
    requireWritable(found);
    if (found.closed) {
      throw new ApiError(HttpStatus.CONFLICT, 'CASE_CLOSED', 'Sagen er afsluttet og kan ikke tildeles.', details);
    }
    if (!mayStaff(user, found)) {
      throw forbidden('Kun sagsbehandlere i den enhed, der har sagen, og enhedens leder kan tildele den.');
    }
    if (take && found.assigneeId !== null && found.assigneeId !== user.id) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'CASE_ALREADY_ASSIGNED',
        'Sagen har allerede en ansvarlig sagsbehandler. Bed lederen om at flytte den.',
        details,
      );
    }
    if (!assignee?.active || !worksIn(assignee, found)) {
      throw ApiError.invalidDomainData(
        'Sagen kan kun tildeles en aktiv sagsbehandler i den enhed, der har sagen, med en rolle, der arbejder med sagstypen.',
        { ...details, field: 'assigneeId' },
      );
    }
    if (user.role === 'supervisor' && found.assigneeId && found.assigneeId !== assignee.id && !reason) {
      throw ApiError.invalidDomainData(
        'Begrundelsen skal udfyldes, når en sag flyttes fra én sagsbehandler til en anden.',
        { ...details, field: 'reason' },
      );
    }
  }

  private async write(
    db: Db,
    user: AuthenticatedUser,
    found: ScopedCase,
    assigneeId: string,
    change: AssignmentChange,
    reason: string | undefined,
  ): Promise<void> {
    await db.query(`UPDATE cases SET assignee_id = $2, assigned_at = now() WHERE id = $1`, [found.id, assigneeId]);
    await db.query(
      `INSERT INTO case_assignments (case_id, change, from_user_id, to_user_id, org_unit, changed_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [found.id, change, found.assigneeId, assigneeId, found.orgUnit, user.id, reason ?? null],
    );
    await this.accessLog.record(
      user,
      'case_assignment',
      { caseId: found.id, details: { change, from: found.assigneeId, to: assigneeId } },
      db,
    );
    // The new assignee is told, unless they took the case themselves; the outbox sends it to whoever has
    // the case when it goes out (a reassignment before then withdraws it).
    if (assigneeId !== user.id) {
      await db.query(
        `INSERT INTO notifications (id, case_id, recipient_unit, kind, recipient_user_id)
         VALUES (gen_random_uuid(), $1, $2, 'case_assigned', $3)`,
        [found.id, found.orgUnit, assigneeId],
      );
    }
  }

  private async views(user: AuthenticatedUser, cases: ScopedCase[]): Promise<CaseAssignmentView[]> {
    if (!cases.length) return [];
    const ids = cases.map((found) => found.id);
    const [history, units, assignedAt]: [
      HistoryRow[],
      { code: string; name: string }[],
      { id: string; at: Date | null }[],
    ] = await Promise.all([
      this.dataSource.query(
        `SELECT case_id, change, from_user_id, to_user_id, org_unit, changed_by, reason, at FROM case_assignments
            WHERE case_id = ANY($1::uuid[]) ORDER BY at, id`,
        [ids],
      ),
      this.dataSource.query(`SELECT code, name FROM organisation_units WHERE code = ANY($1::text[])`, [
        cases.map((found) => found.orgUnit),
      ]),
      this.dataSource.query(`SELECT id, assigned_at AS at FROM cases WHERE id = ANY($1::uuid[])`, [ids]),
    ]);
    const unitNames = new Map(units.map((unit) => [unit.code, unit.name]));
    const assignedAtOf = new Map(assignedAt.map((row) => [row.id, row.at]));
    const candidatesOf = new Map<string, StaffMember[]>();
    for (const found of cases) {
      const key = `${found.orgUnit}|${found.caseType}`;
      if (!candidatesOf.has(key)) {
        candidatesOf.set(key, await this.staff.ofUnits([found.orgUnit], ASSIGNEE_ROLES[found.caseType]));
      }
    }
    const people = await this.staff.findMany([
      ...cases.flatMap((found) => (found.assigneeId ? [found.assigneeId] : [])),
      ...history.flatMap((row) =>
        [row.from_user_id, row.to_user_id, row.changed_by].filter((id): id is string => !!id),
      ),
    ]);
    const everyone = [...people.values(), ...[...candidatesOf.values()].flat()];
    const absent = await this.absences.currentOf([...new Set(everyone.map((member) => member.id))]);
    const ref = (id: string): StaffRefView => ({
      id,
      displayName: id === SYSTEM_ACTOR ? 'Systemet' : (people.get(id)?.displayName ?? id),
    });
    const assignable = (member: Pick<StaffMember, 'id' | 'displayName'>): AssignableView => ({
      id: member.id,
      displayName: member.displayName,
      absent: absent.has(member.id),
    });
    return cases.map((found) => {
      const open = found.writable && !found.closed;
      return {
        caseId: found.id,
        caseType: found.caseType,
        unit: { code: found.orgUnit, name: unitNames.get(found.orgUnit) ?? found.orgUnit },
        assignee: found.assigneeId ? assignable(ref(found.assigneeId)) : null,
        assignedAt: found.assigneeId ? (assignedAtOf.get(found.id)?.toISOString() ?? null) : null,
        mayTake: open && hasPermission(user, 'case:take') && !found.assigneeId && worksIn(user, found),
        mayAssign: open && hasPermission(user, 'case:assign') && mayStaff(user, found),
        candidates: (candidatesOf.get(`${found.orgUnit}|${found.caseType}`) ?? []).map(assignable),
        history: history
          .filter((row) => row.case_id === found.id)
          .map((row): AssignmentHistoryView => ({
            change: row.change,
            changeLabel: ASSIGNMENT_CHANGE_LABELS[row.change],
            from: row.from_user_id ? ref(row.from_user_id) : null,
            to: row.to_user_id ? ref(row.to_user_id) : null,
            changedBy: ref(row.changed_by),
            reason: row.reason,
            unit: row.org_unit,
            at: row.at.toISOString(),
          })),
      };
    });
  }
}
