import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';

/** The audit trail: every decision and deadline event of a case — who, when, what, why. */
@Entity({ name: 'case_events' })
@Unique('case_events_order_key', ['caseId', 'transitionSeq', 'position'])
export class CaseEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The workflow transition that recorded it, and its place in that transition: the history's order. */
  @Column({ name: 'transition_seq', type: 'integer' })
  transitionSeq!: number;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 120 })
  actorId!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  details!: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
