import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import { decryptField } from '../../../../libs/personal-data/field-encryption';
import { nameTokenHashes, nameTokenKey } from '../../../../libs/personal-data/name-tokens';
import { API_CONFIG } from '../api.tokens';
import { nameField } from './person-fields';

/** How many persons one backfill statement indexes. */
const BACKFILL_BATCH = 500;

/**
 * The blind index of names (`person_name_tokens`): written with each new person, and — for persons
 * registered before the index existed — once when the API starts, in batches (only the API holds the key,
 * so a migration cannot). A person whose name was indexed is never indexed again: names do not change.
 */
@Injectable()
export class PersonNameIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger(PersonNameIndex.name);
  private readonly tokenKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ExitflowConfig,
  ) {
    this.tokenKey = nameTokenKey(config.personalData.hmacKey);
  }

  /** The hashes a name search looks for. */
  hashesOf(name: string): string[] {
    return nameTokenHashes(name, this.tokenKey);
  }

  /** Indexes one person's name (within the registration's transaction); `false` when it has no word to index. */
  async index(db: EntityManager | DataSource, personId: string, name: string): Promise<boolean> {
    const hashes = this.hashesOf(name);
    if (!hashes.length) return false;
    await db.query(
      `INSERT INTO person_name_tokens (person_id, token_hash) SELECT $1, unnest($2::char(64)[]) ON CONFLICT DO NOTHING`,
      [personId, hashes],
    );
    return true;
  }

  async onApplicationBootstrap(): Promise<void> {
    const indexed = await this.backfill();
    // Counts only: never a name.
    if (indexed) this.logger.log(`Indexed the names of ${indexed} persons registered before the name search.`);
  }

  /** Indexes every person without tokens; answers how many. */
  async backfill(): Promise<number> {
    let indexed = 0;
    for (;;) {
      const rows: { id: string; name_encrypted: string }[] = await this.dataSource.query(
        `SELECT p.id, p.name_encrypted FROM persons p
          WHERE NOT EXISTS (SELECT 1 FROM person_name_tokens t WHERE t.person_id = p.id)
          ORDER BY p.id LIMIT $1`,
        [BACKFILL_BATCH],
      );
      let written = 0;
      for (const row of rows) {
        const name = decryptField(row.name_encrypted, this.config.personalData.keyring, nameField(row.id));
        if (await this.index(this.dataSource, row.id, name)) written += 1;
      }
      indexed += written;
      // A batch of names without a single token (never registered: names must have a visible character)
      // would come back again: stop rather than loop.
      if (rows.length < BACKFILL_BATCH || written === 0) return indexed;
    }
  }
}
