import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Any case of any workflow type: one row per workflow execution chain. */
@Entity({ name: 'cases' })
@Index('cases_type_status_idx', ['caseType', 'status'])
@Index('cases_org_unit_idx', ['orgUnit'])
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_type', type: 'varchar', length: 40 })
  caseType!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 120, unique: true })
  workflowId!: string;

  /** Pseudonymous person reference (never a name or CPR number). */
  @Column({ name: 'person_ref', type: 'varchar', length: 64 })
  personRef!: string;

  /** Responsible organisational unit (an institution code for exit courses). */
  @Column({ name: 'org_unit', type: 'varchar', length: 64 })
  orgUnit!: string;

  @Column({ type: 'varchar', length: 60 })
  status!: string;

  /** The legally relevant start (an exit course's referral). */
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Sequence number of the last transition applied; older transitions never overwrite newer ones. */
  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
