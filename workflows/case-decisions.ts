import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { Refusal } from '../libs/domain/exit-course/exit-course.rules';
import { isUnencryptedPayloadMarker } from '../libs/temporal/unencrypted-payload';
import { REFUSAL_FAILURE_TYPES } from './exit-course.messages';
import type { ReadModelWriter } from './read-model-writer';

/** What every case workflow exposes to its decision handlers: its state, and its read-model writer. */
export interface DecidingCase<State> {
  readonly writer: ReadModelWriter;
  snapshot(): State;
}

/** A message from a client without the payload key (see libs/temporal/unencrypted-payload.ts). */
export function refuseUnencrypted(value: unknown): void {
  if (isUnencryptedPayloadMarker(value)) {
    throw ApplicationFailure.nonRetryable('Afvist: beskeden var ikke krypteret med systemets nøgle.', 'UnencryptedPayload');
  }
}

/** Answers, once everything the case has done so far is in the read model, with its state. */
export function onReadModelSynced<State>(update: UpdateDefinition<State, []>, subject: DecidingCase<State>): void {
  setHandler(update, async () => {
    await subject.writer.flush();
    return subject.snapshot();
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
      return subject.snapshot();
    },
    {
      validator: (input) => {
        refuseUnencrypted(input);
        const refusal = refuse(subject.snapshot(), input, new Date());
        if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, REFUSAL_FAILURE_TYPES[refusal.kind]);
      },
    },
  );
}

/**
 * Waits until every queued read-model write is done and no handler runs — again if a timer or a handler
 * queued another write meanwhile — so that nothing queued is left behind when the run ends.
 */
export async function settleWrites(writer: ReadModelWriter): Promise<void> {
  for (;;) {
    const seq = writer.lastSeq;
    await writer.flush();
    await condition(allHandlersFinished);
    if (writer.lastSeq === seq) return;
  }
}
