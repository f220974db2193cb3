import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACCESS_REQUEST_CHANNELS } from '../../domain/access-request/access-request.types';

/**
 * A person's requests for access (GDPR art. 15, retshåndhævelseslovens § 15): the CPR number of the
 * person asking, encrypted, and its keyed lookup hash that finds the person's register rows, held here and
 * never in the request's workflow (its `access_request` case knows the request by its id only). Written by
 * the API before the case starts; `organisation` and `org_unit` are the scope the request is answered for.
 */
export class AccessRequests1765930000000 implements MigrationInterface {
  name = 'AccessRequests1765930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const channels = ACCESS_REQUEST_CHANNELS.map((channel) => `'${channel}'`).join(', ');
    await queryRunner.query(`
      CREATE TABLE access_requests (
        case_id uuid PRIMARY KEY,
        cpr_encrypted text NOT NULL,
        key_id varchar(32) NOT NULL,
        cpr_lookup char(64) NOT NULL,
        channel varchar(20) NOT NULL CHECK (channel IN (${channels})),
        received_at timestamptz NOT NULL,
        organisation varchar(40) NOT NULL,
        org_unit varchar(64) NOT NULL,
        registered_by varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX access_requests_lookup_idx ON access_requests (cpr_lookup)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE access_requests`);
  }
}
