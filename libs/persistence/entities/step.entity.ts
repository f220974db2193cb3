import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A step of a case with its deadline: open, completed (maybe late) or cancelled when the case ended. */
@Entity({ name: 'steps' })
@Index('steps_case_idx', ['caseId'])
@Index('steps_open_due_idx', ['dueAt'], { where: `status = 'open'` })
export class StepEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 60 })
  kind!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: 'open' | 'completed' | 'cancelled';

  /** The legally relevant moment the deadline counts from. */
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** When the durable timer found the step past its deadline and escalated it. */
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** How late the completion was, in seconds (0 when on time). */
  @Column({ name: 'lateness_seconds', type: 'integer', nullable: true })
  latenessSeconds!: number | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  outcome!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
