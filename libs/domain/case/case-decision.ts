import type { Permission } from '../organisations/permissions';
import type { Refusal } from './refusal';

/**
 * One decision a person takes on a case, declared once, in its case type's table. The table drives the
 * workflow's update handlers (`update`, `refuse`), the API's routes and permission check (`name`,
 * `permission`), the units that may see and change the case after it (`accessAfter`), and the
 * `availableDecisions` every case detail lists (`allowedIn`), from which the web
 * page renders its forms: nobody re-implements which decision the case admits now.
 */
export interface DecisionDefinition<State, Input, Facts, StepKind extends string = string> {
  /** The API's route (`POST /api/<resource>/:id/<name>`) and the web page's form. */
  readonly name: string;
  /** The workflow update that carries it (its name is part of recorded histories: never rename it). */
  readonly update: string;
  /** What the page calls it, in Danish. */
  readonly label: string;
  /** Who may take it; write access to the case is needed as well. */
  readonly permission: Permission;
  /** The open step it completes, if any: the page offers that form first. */
  readonly completesStep?: StepKind;
  /** Whether the case, as it stands, admits the decision at all (the rule may still refuse an input). */
  allowedIn(facts: Facts): boolean;
  /** The rule the workflow's validator applies before anything changes: why this input is refused now. */
  refuse(state: State, input: Input, now: Date): Refusal | undefined;
  /**
   * Who may read or change the case once the decision is taken (units gaining or keeping access), from the
   * state before it; absent when the decision changes no access.
   */
  accessAfter?(state: State, input: Input): AccessChange[];
  /**
   * In which statuses a unit that only reads the case may take it (a party's view; the exit unit's decision
   * before the case is its own); absent: never, write access is needed. Its rule still decides the input.
   */
  readAccessSuffices?(status: string): boolean;
}

/**
 * A unit's access to a case, as a decision grants it (read: history only; write: the case is theirs;
 * none: a grant taken back, as when a release plan no longer names the unit it notified).
 */
export interface AccessChange {
  orgUnit: string;
  access: 'read' | 'write' | 'none';
}

/** A case type's decisions, keyed by name, in the order the page offers them. */
export type DecisionTable<State, Inputs, Facts, StepKind extends string = string> = {
  readonly [Name in keyof Inputs & string]: DecisionDefinition<State, Inputs[Name], Facts, StepKind> & {
    readonly name: Name;
  };
};

/** A decision the user may take on the case now, as the case detail lists it. */
export interface AvailableDecision {
  name: string;
  label: string;
  completesStep: string | null;
}

/**
 * The decisions of `table` this user may take on a case with these facts now: allowed in its state, with
 * the permission, and with write access to the case.
 */
export function availableDecisions<Facts extends { status: string }>(
  table: Readonly<Record<string, DecisionDefinition<never, never, Facts>>>,
  facts: Facts,
  user: { permissions: readonly Permission[]; writable: boolean; readable?: boolean },
): AvailableDecision[] {
  const mayTake = (decision: DecisionDefinition<never, never, Facts>) =>
    user.writable || (user.readable === true && decision.readAccessSuffices?.(facts.status) === true);
  return Object.values(table)
    .filter(
      (decision) => mayTake(decision) && user.permissions.includes(decision.permission) && decision.allowedIn(facts),
    )
    .map((decision) => ({
      name: decision.name,
      label: decision.label,
      completesStep: decision.completesStep ?? null,
    }));
}
