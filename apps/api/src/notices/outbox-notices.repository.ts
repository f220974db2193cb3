import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { pagedQuery } from '../common/paged-query';
import { IdView, IntegerView, MomentView, NestedView, PageOf, TextView } from '../common/view-properties';
import { OUTBOX_STATE_CONDITIONS } from '../../../../libs/persistence/outbox-states';
import { OUTBOX_STATES, type OutboxState } from './outbox-notices.dto';

/** A notice in the outbox as operations sees it: where it goes and how delivery went, no case contents. */
export class OutboxNoticeView {
  @IdView() id!: string;
  @IdView() caseId!: string;
  @TextView() recipientUnit!: string;
  @TextView() kind!: string;
  @TextView({ nullable: true }) stepKind!: string | null;
  @MomentView({ nullable: true }) dueAt!: string | null;
  @IntegerView() attempts!: number;
  @TextView({ nullable: true }) lastError!: string | null;
  @MomentView() createdAt!: string;
  @MomentView() nextAttemptAt!: string;
  @MomentView({ nullable: true }) sentAt!: string | null;
  @MomentView({ nullable: true }) withdrawnAt!: string | null;
}

class OutboxCountsView {
  @IntegerView() failing!: number;
  @IntegerView() pending!: number;
  @IntegerView() sent!: number;
  @IntegerView() withdrawn!: number;
}

export class OutboxNoticesPage extends PageOf(OutboxNoticeView) {
  @NestedView(OutboxCountsView, { description: 'Antal beskeder i hver tilstand nu.' }) counts!: Record<
    OutboxState,
    number
  >;
}

const STATE_CONDITIONS = OUTBOX_STATE_CONDITIONS;

/** The outbox's rows in a delivery state, newest first, with the counts of every state. */
@Injectable()
export class OutboxNoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(state: OutboxState, page: number, pageSize: number): Promise<OutboxNoticesPage> {
    const [counts, notices] = await Promise.all([
      this.dataSource.query(
        `SELECT ${OUTBOX_STATES.map((state) => `count(*) FILTER (WHERE ${STATE_CONDITIONS[state]})::int AS ${state}`).join(', ')} FROM notifications n`,
      ) as Promise<Record<OutboxState, number>[]>,
      pagedQuery(
        this.dataSource,
        {
          from: 'notifications n',
          where: STATE_CONDITIONS[state],
          params: [],
          select: `n.id, n.case_id, n.recipient_unit, n.kind, s.kind AS step_kind, n.due_at, n.attempts, n.last_error,
                   n.created_at, n.next_attempt_at, n.sent_at, n.withdrawn_at`,
          join: 'LEFT JOIN steps s ON s.id = n.step_id',
          orderBy: 'n.created_at DESC, n.id',
          page,
          pageSize,
        },
        toView,
      ),
    ]);
    return { ...notices, counts: counts[0] };
  }
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

function toView(row: Record<string, string | number | Date | null>): OutboxNoticeView {
  return {
    id: String(row.id),
    caseId: String(row.case_id),
    recipientUnit: String(row.recipient_unit),
    kind: String(row.kind),
    stepKind: row.step_kind === null ? null : String(row.step_kind),
    dueAt: iso(row.due_at),
    attempts: Number(row.attempts),
    lastError: row.last_error === null ? null : String(row.last_error),
    createdAt: iso(row.created_at)!,
    nextAttemptAt: iso(row.next_attempt_at)!,
    sentAt: iso(row.sent_at),
    withdrawnAt: iso(row.withdrawn_at),
  };
}
