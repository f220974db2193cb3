import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A client's `Idempotency-Key` for starting a case, with a hash of the request it came with. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  /** `<scope>:<client key>`: the scope (the operation, later also the user) keeps clients apart. */
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
