import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SqlParameters, visibleCaseCondition, visiblePersonCondition } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { checkCpr } from '../../../../libs/personal-data/cpr';
import { decryptField, encryptField, keyIdOf, lookupHash } from '../../../../libs/personal-data/field-encryption';
import { API_CONFIG } from '../api.tokens';
import type { PersonView } from './person.views';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';

/**
 * Associated data binding each ciphertext to its column and its person: a value moved to another column
 * or another person's row does not decrypt.
 */
const nameField = (personId: string) => `persons.name:${personId}`;
const cprField = (personId: string) => `persons.cpr:${personId}`;

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
  ) {}

  /**
   * Registers the person for the user's unit and answers the person reference: `created` when the person
   * is new to the unit — also when another unit registered the CPR number before, so the answer does not
   * reveal that — and not when the unit already knew them.
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
      await db.query(
        `INSERT INTO persons (id, name_encrypted, cpr_encrypted, key_id, cpr_lookup, registered_unit, registered_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (cpr_lookup) DO NOTHING`,
        [
          personId,
          nameEncrypted,
          encryptField(normalized, keyring, cprField(personId)),
          keyIdOf(nameEncrypted),
          cprLookup,
          unit,
          user.id,
        ],
      );
      const [person]: { id: string }[] = await db.query(`SELECT id FROM persons WHERE cpr_lookup = $1`, [cprLookup]);
      const linked: unknown[] = await db.query(
        `INSERT INTO person_units (person_id, org_unit) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING person_id`,
        [person.id, unit],
      );
      return { personRef: person.id, created: linked.length > 0 };
    });
    await this.accessLog.record(user, 'person_register', { personRef: result.personRef });
    return result;
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

  /** Whether the user may see this person (and so start a course for them). */
  async isVisible(personRef: string, user: AuthenticatedUser): Promise<boolean> {
    const params = new SqlParameters();
    const refParam = params.add(personRef);
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM persons p WHERE p.id::text = ${refParam} AND ${visiblePersonCondition(user, 'p', params)}`,
      params.values,
    );
    return rows.length > 0;
  }

  async read(personRef: string, user: AuthenticatedUser): Promise<PersonView> {
    const view = await this.findVisible('id::text', personRef, user);
    if (!view) throw notFound();
    await this.accessLog.record(user, 'person_read', { personRef: view.personRef });
    return view;
  }

  async lookup(cpr: string, user: AuthenticatedUser): Promise<PersonView> {
    const view = await this.findVisible(
      'cpr_lookup',
      lookupHash(this.validCpr(cpr), this.config.personalData.hmacKey),
      user,
    );
    if (!view) throw notFound();
    await this.accessLog.record(user, 'person_lookup', { personRef: view.personRef });
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
  ): Promise<PersonView | undefined> {
    const params = new SqlParameters();
    const valueParam = params.add(value);
    const rows: { id: string; name_encrypted: string; cpr_encrypted: string }[] = await this.dataSource.query(
      `SELECT p.id, p.name_encrypted, p.cpr_encrypted FROM persons p
        WHERE p.${column} = ${valueParam} AND ${visiblePersonCondition(user, 'p', params)}`,
      params.values,
    );
    const row = rows[0];
    if (!row) return undefined;
    const { keyring } = this.config.personalData;
    const cpr = decryptField(row.cpr_encrypted, keyring, cprField(row.id));
    const check = checkCpr(cpr);
    const caseParams = new SqlParameters();
    const personParam = caseParams.add(row.id);
    const cases: {
      id: string;
      case_type: string;
      status: string;
      org_unit: string;
      unit_name: string;
      opened_at: Date;
      closed_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.case_type, c.status, c.org_unit, COALESCE(ou.name, c.org_unit) AS unit_name, c.opened_at, c.closed_at
         FROM cases c LEFT JOIN organisation_units ou ON ou.code = c.org_unit
          WHERE c.person_ref = ${personParam} AND ${visibleCaseCondition(user, 'c', caseParams)}
          ORDER BY c.opened_at DESC, c.id`,
      caseParams.values,
    );
    return {
      personRef: row.id,
      name: decryptField(row.name_encrypted, keyring, nameField(row.id)),
      cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}`,
      birthDate: check.ok ? check.birthDate : '',
      cases: cases.map((c) => ({
        id: c.id,
        caseType: c.case_type,
        status: c.status,
        unit: { code: c.org_unit, name: c.unit_name },
        openedAt: c.opened_at.toISOString(),
        closedAt: c.closed_at?.toISOString() ?? null,
      })),
    };
  }
}

function notFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'PERSON_NOT_FOUND', 'Personen findes ikke.');
}
