/** The outbox's delivery states (`notifications` aliased `n`): the Udsendelser list and the worker's metrics. */
export const OUTBOX_STATES = ['failing', 'pending', 'sent', 'withdrawn'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const OUTBOX_STATE_CONDITIONS: Record<OutboxState, string> = {
  failing: 'n.sent_at IS NULL AND n.withdrawn_at IS NULL AND n.last_error IS NOT NULL',
  pending: 'n.sent_at IS NULL AND n.withdrawn_at IS NULL AND n.last_error IS NULL',
  sent: 'n.sent_at IS NOT NULL',
  withdrawn: 'n.withdrawn_at IS NOT NULL',
};
