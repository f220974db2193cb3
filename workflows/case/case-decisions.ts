import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';
import type { DecisionDefinition, DecisionTable } from '../../libs/domain/case/case-decision';
import type { Refusal } from '../../libs/domain/case/refusal';
import { isUnencryptedPayloadMarker } from '../../libs/temporal/unencrypted-payload';
import { REFUSAL_FAILURE_TYPES } from '../../libs/domain/case/refusal';
import type { ReadModelWriter } from './read-model-writer';
import { CASE_NEEDS_ATTENTION, CASE_NEEDS_ATTENTION_MESSAGE } from '../../libs/domain/case/read-model-attention';
import { redriveReadModelUpdate } from './read-model.messages';

/** What every case workflow exposes to its decision handlers: its state, and its read-model writer. */
export interface DecidingCase<State> {
  readonly writer: ReadModelWriter;
  snapshot(): State;
}

/** A message from a client without the payload key (see libs/temporal/unencrypted-payload.ts). */
export function refuseUnencrypted(value: unknown): void {
  if (isUnencryptedPayloadMarker(value)) {
    throw ApplicationFailure.nonRetryable(
      'Afvist: beskeden var ikke krypteret med systemets nøgle.',
      'UnencryptedPayload',
    );
  }
}

/** A case that waits for operations takes no decision: it would only queue behind the held transition. */
function refuseWhileHeld(writer: ReadModelWriter): void {
  if (writer.attention) throw ApplicationFailure.nonRetryable(CASE_NEEDS_ATTENTION_MESSAGE, CASE_NEEDS_ATTENTION);
}

/**
 * The read-model messages of every case workflow: `readModelSynced` answers, once everything the case
 * has done so far is in the read model, with its state (or refuses when it is held for operations);
 * `redriveReadModel` sends a held transition again and answers whether the case caught up.
 */
export function onReadModelMessages<State>(
  readModelSynced: UpdateDefinition<State, []>,
  subject: DecidingCase<State>,
): void {
  setHandler(readModelSynced, async () => {
    await subject.writer.flush();
    refuseWhileHeld(subject.writer);
    return subject.snapshot();
  });
  setHandler(redriveReadModelUpdate, async () => {
    subject.writer.redrive();
    await subject.writer.flush();
    const attention = subject.writer.attention;
    return { caughtUp: attention === undefined, attention: attention ?? null };
  });
}

/**
 * A human decision: refused synchronously by its rule (409/422 for the API, nothing changed), else
 * applied, mirrored to the read model, and answered with the new state.
 */
export function onDecision<State, Input>(
  subject: DecidingCase<State>,
  update: UpdateDefinition<State, [Input]>,
  refuse: (state: State, input: Input, now: Date) => Refusal | undefined,
  apply: (input: Input) => void,
): void {
  setHandler(
    update,
    async (input) => {
      apply(input);
      await subject.writer.flush();
      // Applied, but the read model refused its record: the decision waits with the case for operations.
      refuseWhileHeld(subject.writer);
      return subject.snapshot();
    },
    {
      validator: (input) => {
        refuseUnencrypted(input);
        refuseWhileHeld(subject.writer);
        const refusal = refuse(subject.snapshot(), input, new Date());
        if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, REFUSAL_FAILURE_TYPES[refusal.kind]);
      },
    },
  );
}

/** How a case applies each decision of its table, once its rule allowed it. */
export type DecisionAppliers<Inputs> = { readonly [Name in keyof Inputs & string]: (input: Inputs[Name]) => void };

/**
 * Registers an update handler for every decision of a case type's table, in the table's order: the update
 * named there, refused by the table's rule, applied by the case.
 */
export function onDecisions<State, Inputs, Facts, StepKind extends string>(
  subject: DecidingCase<State>,
  table: DecisionTable<State, Inputs, Facts, StepKind>,
  appliers: DecisionAppliers<Inputs>,
): void {
  for (const name of Object.keys(table) as (keyof Inputs & string)[]) {
    const decision: DecisionDefinition<State, Inputs[typeof name], Facts, StepKind> = table[name];
    onDecision(subject, defineUpdate<State, [Inputs[typeof name]]>(decision.update), decision.refuse, appliers[name]);
  }
}

/**
 * Waits until every queued read-model write is done and no handler runs — again if a timer or a handler
 * queued another write meanwhile — so that nothing queued is left behind when the run ends.
 */
export async function settleWrites(writer: ReadModelWriter): Promise<void> {
  for (;;) {
    const seq = writer.lastSeq;
    await writer.flush();
    // A held transition: the run cannot end (or continue as new) before operations re-drive it.
    if (writer.attention) {
      await condition(() => writer.attention === undefined);
      continue;
    }
    await condition(allHandlersFinished);
    if (writer.lastSeq === seq) return;
  }
}
