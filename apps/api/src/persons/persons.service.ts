import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { PERSON_CASE_ROWS, type PersonCaseRow } from './person-case-rows';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  hasPermission,
  SqlParameters,
  visibleCaseCondition,
  visiblePersonCondition,
} from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { checkCpr } from '../../../../libs/personal-data/cpr';
import { decryptField, encryptField, keyIdOf, lookupHash } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import type { CasePersonView, PersonSearchItemView, PersonView } from './person.views';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { pagedQuery } from '../common/paged-query';
import { CASE_TYPE_LABELS } from '../../../../libs/domain/case/step-kinds';
import { caseStatusText } from '../../../../libs/domain/case/case-type-statuses';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import { MIN_SEARCH_NAME_LENGTH, nameTokens } from '../../../../libs/personal-data/name-tokens';
import { cprField, nameField } from './person-fields';
import type { RevealReason } from '../../../../libs/domain/persons/person-protection';
import { PersonNameIndex } from './person-name-index';
import { ROLE_FUNCTION } from '../../../../libs/domain/organisations/unit-functions';
import {
  PERSON_ROW_COLUMNS,
  protectionRightsOf,
  revealablePersonCondition,
  revealedPerson,
  shownName,
  shownPerson,
  withCaseFreeTexts,
  type PersonRow,
} from './protected-persons';

/**
 * The person register: names and CPR numbers encrypted at rest (AES-256-GCM, key id stored for
 * rotation) and found again by a keyed hash of the CPR number. Cases refer to persons only by the
 * pseudonymous reference, so Temporal and the case tables never hold a name or CPR number.
 */
@Injectable()
export class PersonsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
    private readonly accessLog: AccessLogService,
    private readonly nameIndex: PersonNameIndex,
  ) {}

  /**
   * Registers the person for the user's unit and function and answers the person reference: `created` when
   * the person is new to them — also when another unit or function registered the CPR number before, so the
   * answer does not reveal that — and not when they already knew them. One register entry per organisation
   * (docs/need-to-know.md): another organisation's entry for the CPR number is never found or linked.
   */
  async register(name: string, cpr: string, user: AuthenticatedUser): Promise<{ personRef: string; created: boolean }> {
    const normalized = this.validCpr(cpr);
    const unit = user.units[0];
    if (!unit) throw new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'Din bruger er ikke knyttet til en enhed.');
    const { keyring, hmacKey } = this.config.personalData;
    const cprLookup = lookupHash(normalized, hmacKey);
    const personId = randomUUID();
    const nameEncrypted = encryptField(name.trim(), keyring, nameField(personId));
    const result = await this.dataSource.transaction(async (db) => {
      let personRef = await this.entryOfOrganisation(db, cprLookup, user);
      if (!personRef) {
        const inserted: unknown[] = await db.query(
          `INSERT INTO persons (id, name_encrypted, cpr_encrypted, key_id, cpr_lookup, registered_unit, registered_by, organisation)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (organisation, cpr_lookup) DO NOTHING RETURNING id`,
          [
            personId,
            nameEncrypted,
            encryptField(normalized, keyring, cprField(personId)),
            keyIdOf(nameEncrypted),
            cprLookup,
            unit,
            user.id,
            user.organisation,
          ],
        );
        // A person known before keeps the name first registered (and its index).
        if (inserted.length) await this.nameIndex.index(db, personId, name.trim());
        personRef = inserted.length ? personId : await this.entryOfOrganisation(db, cprLookup, user);
      }
      const linked: unknown[] = await db.query(
        `INSERT INTO person_units (person_id, org_unit, function) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING person_id`,
        [personRef, unit, ROLE_FUNCTION[user.role]],
      );
      return { personRef: personRef!, created: linked.length > 0 };
    });
    await this.accessLog.record(user, 'person_register', { personRef: result.personRef });
    return result;
  }

  /**
   * The organisation's register entry for a CPR number: its own, or one it shares from before the register
   * was split per organisation (a unit of the organisation linked to another's entry).
   */
  private async entryOfOrganisation(
    db: Pick<DataSource, 'query'>,
    cprLookup: string,
    user: AuthenticatedUser,
  ): Promise<string | undefined> {
    const [entry]: { id: string }[] = await db.query(
      `SELECT p.id FROM persons p
        WHERE p.cpr_lookup = $1 AND (p.organisation = $2 OR EXISTS (
          SELECT 1 FROM person_units pu JOIN organisation_units ou ON ou.code = pu.org_unit
           WHERE pu.person_id = p.id AND ou.organisation = $2))
        ORDER BY p.organisation = $2 DESC, p.created_at LIMIT 1`,
      [cprLookup, user.organisation],
    );
    return entry?.id;
  }

  /** The birth date (from the CPR number) of a person the caller may see; `undefined` otherwise. */
  async birthDateOf(personRef: string, user: AuthenticatedUser): Promise<string | undefined> {
    const params = new SqlParameters();
    const refParam = params.add(personRef);
    const rows: { id: string; cpr_encrypted: string }[] = await this.dataSource.query(
      `SELECT p.id, p.cpr_encrypted FROM persons p WHERE p.id::text = ${refParam} AND ${visiblePersonCondition(user, 'p', params)}`,
      params.values,
    );
    if (!rows[0]) return undefined;
    const check = checkCpr(decryptField(rows[0].cpr_encrypted, this.config.personalData.keyring, cprField(rows[0].id)));
    return check.ok ? check.birthDate : undefined;
  }

  async read(personRef: string, user: AuthenticatedUser): Promise<PersonView> {
    const view = await this.findVisible('id::text', personRef, user);
    if (!view) throw notFound();
    await this.accessLog.record(user, 'person_read', { personRef: view.personRef });
    return view;
  }

  /** With a `reason`, a protected person is found too, by a caseworker of a unit holding a case of theirs with write access. */
  async lookup(cpr: string, user: AuthenticatedUser, reason?: RevealReason): Promise<PersonView> {
    const view = await this.findVisible(
      'cpr_lookup',
      lookupHash(this.validCpr(cpr), this.config.personalData.hmacKey),
      user,
      reason !== undefined,
    );
    if (!view) throw notFound();
    await this.accessLog.record(user, 'person_lookup', { personRef: view.personRef });
    if (view.protected) {
      await this.accessLog.record(user, 'protected_person_read', {
        personRef: view.personRef,
        details: { reason, via: 'lookup' },
      });
    }
    return view;
  }

  private validCpr(cpr: string): string {
    const check = checkCpr(cpr);
    if (!check.ok) throw ApiError.invalidDomainData(check.message);
    return check.normalized;
  }

  private async findVisible(
    column: 'id::text' | 'cpr_lookup',
    value: string,
    user: AuthenticatedUser,
    withProtected = false,
  ): Promise<PersonView | undefined> {
    const params = new SqlParameters();
    const valueParam = params.add(value);
    // A protected person is found only with a reason, by the responsible unit (docs/protected-persons.md).
    const protectedFound = withProtected ? revealablePersonCondition(user, 'p', params) : 'FALSE';
    const rows: PersonRow[] = await this.dataSource.query(
      `SELECT ${PERSON_ROW_COLUMNS} FROM persons p
        WHERE p.${column} = ${valueParam} AND (NOT p.protected OR ${protectedFound})
          AND ${visiblePersonCondition(user, 'p', params)}
        ORDER BY p.organisation = ${params.add(user.organisation)} DESC, p.created_at LIMIT 1`,
      params.values,
    );
    const row = rows[0];
    if (!row) return undefined;
    const caseParams = new SqlParameters();
    const personParam = caseParams.add(row.id);
    const cases: PersonCaseRow[] = await this.dataSource.query(
      `${PERSON_CASE_ROWS}
          WHERE c.person_ref = ${personParam} AND ${visibleCaseCondition(user, 'c', caseParams)}
          ORDER BY c.opened_at DESC, c.id`,
      caseParams.values,
    );
    return {
      ...(withProtected ? revealedPerson : shownPerson)(row, this.config.personalData.keyring),
      cases: cases.map((c) => ({
        id: c.id,
        caseType: c.case_type,
        status: c.status,
        unit: { code: c.org_unit, name: c.unit_name },
        openedAt: c.opened_at.toISOString(),
        closedAt: c.closed_at?.toISOString() ?? null,
        caseTypeLabel: CASE_TYPE_LABELS[c.case_type as CaseType] ?? c.case_type,
        statusText: caseStatusText(c.case_type as CaseType, c.status),
      })),
    };
  }

  /**
   * Persons the user may see whose name has every token of `name` (in any order), newest registration
   * first; each person shown is logged. 422 for a name with too little to search by.
   */
  async search(
    name: string,
    page: number,
    pageSize: number,
    user: AuthenticatedUser,
  ): Promise<Page<PersonSearchItemView>> {
    const tokens = nameTokens(name);
    if (tokens.join('').length < MIN_SEARCH_NAME_LENGTH) {
      throw ApiError.invalidDomainData(`Skriv mindst ${MIN_SEARCH_NAME_LENGTH} bogstaver af navnet for at søge.`, [
        { field: 'name', problems: [`Skriv mindst ${MIN_SEARCH_NAME_LENGTH} bogstaver af navnet.`] },
      ]);
    }
    const params = new SqlParameters();
    const hashes = params.add(this.nameIndex.hashesOf(name));
    const count = params.add(tokens.length);
    const where =
      `(SELECT count(*) FROM person_name_tokens t WHERE t.person_id = p.id AND t.token_hash = ANY(${hashes}::char(64)[])) = ${count}` +
      ` AND NOT p.protected AND ${visiblePersonCondition(user, 'p', params)}`;
    const answer = await pagedQuery(
      this.dataSource,
      {
        from: 'persons p',
        where,
        params: params.values,
        select: PERSON_ROW_COLUMNS,
        orderBy: 'p.created_at DESC, p.id DESC',
        page,
        pageSize,
      },
      (row: PersonRow): PersonSearchItemView => shownPerson(row, this.config.personalData.keyring),
    );
    await this.accessLog.recordEach(
      user,
      'person_search',
      answer.items.map((item) => ({ personRef: item.personRef })),
    );
    return answer;
  }

  /**
   * The name and CPR number of a case's person for a user who may read persons (logged), or `null`: for
   * a user without `person:read`, and for a reference the register does not know.
   */
  async ofCase(personRef: string, caseId: string, user: AuthenticatedUser): Promise<CasePersonView | null> {
    if (!hasPermission(user, 'person:read')) return null;
    return this.shownWithCase(personRef, caseId, user);
  }

  /**
   * A case's detail as the user may see it: with its person (`ofCase`), and its free texts hidden when the
   * person is protected and the user is not a caseworker of the unit holding the case with write access.
   */
  async caseShownTo<View extends { personRef: string }>(
    view: View,
    caseId: string,
    user: AuthenticatedUser,
  ): Promise<View & { person: CasePersonView | null }> {
    const shown = await withCaseFreeTexts(this.dataSource, user, caseId, view);
    return { ...shown, person: await this.ofCase(view.personRef, caseId, user) };
  }

  /** A case's history, journal or handover report with its free texts as the user may see them (see caseShownTo). */
  freeTextsShownTo<View>(view: View, caseId: string, user: AuthenticatedUser): Promise<View> {
    return withCaseFreeTexts(this.dataSource, user, caseId, view);
  }

  /**
   * The youth of a joint home visit, for the municipality's social services the visit names (who hold no
   * `person:read`: they see no one else); the caller has found them named for it. The read is logged.
   */
  async ofHomeVisit(personRef: string, caseId: string, user: AuthenticatedUser): Promise<CasePersonView | null> {
    return this.shownWithCase(personRef, caseId, user);
  }

  private async shownWithCase(
    personRef: string,
    caseId: string,
    user: AuthenticatedUser,
  ): Promise<CasePersonView | null> {
    const rows: PersonRow[] = await this.dataSource.query(
      `SELECT ${PERSON_ROW_COLUMNS} FROM persons p WHERE p.id::text = $1`,
      [personRef],
    );
    if (!rows[0]) return null;
    await this.accessLog.record(user, 'person_name_read', { caseId, personRef });
    return {
      ...shownPerson(rows[0], this.config.personalData.keyring),
      ...(await protectionRightsOf(this.dataSource, user, caseId)),
    };
  }

  /**
   * The names of the persons of cases the caller has already found within the user's scope (whose
   * persons the user may therefore see); the caller logs what it shows.
   */
  /**
   * The names of the persons of the cases a list shows, for a user who may read persons (none for others),
   * each name shown logged against its case (`person_name_read`).
   */
  async namesShownTo(
    user: AuthenticatedUser,
    cases: readonly { caseId: string; personRef: string }[],
  ): Promise<Map<string, string>> {
    if (!hasPermission(user, 'person:read')) return new Map();
    const names = await this.namesOf(cases.map((c) => c.personRef));
    await this.accessLog.recordEach(
      user,
      'person_name_read',
      cases.filter((c) => names.has(c.personRef)),
    );
    return names;
  }

  async namesOf(personRefs: readonly string[]): Promise<Map<string, string>> {
    if (!personRefs.length) return new Map();
    const rows: Omit<PersonRow, 'cpr_encrypted'>[] = await this.dataSource.query(
      `SELECT p.id, p.name_encrypted, p.protected FROM persons p WHERE p.id::text = ANY($1::text[])`,
      [[...new Set(personRefs)]],
    );
    const { keyring } = this.config.personalData;
    return new Map(rows.map((row) => [row.id, shownName(row, keyring)]));
  }
}

function notFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'PERSON_NOT_FOUND', 'Personen findes ikke.');
}
