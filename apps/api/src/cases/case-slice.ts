import { applyDecorators, Post } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import type { ExitflowConfig } from '../../../../libs/config/exitflow-config';
import type { Actor } from '../../../../libs/domain/case/actor';
import type { DocumentType } from '../../../../libs/domain/case/case-journal';
import type { DecisionDefinition, DecisionTable } from '../../../../libs/domain/case/case-decision';
import type { CaseStatuses } from '../../../../libs/domain/case/case-status';
import type { CaseType } from '../../../../libs/domain/case/case-transition';
import type { UnitReference } from '../../../../libs/domain/organisations/unit-references';
import { RequirePermission } from '../auth/auth.decorators';
import { DecisionResponses, type ViewClass } from '../common/api-responses';
import { fieldsOf, type DecisionFieldView } from './available-decisions';

/** How the API takes one decision: the body its route validates, and the workflow input made from it. */
export interface DecisionRoute<Body extends object, Input> {
  /** The route's body class (validated by the global pipe). */
  readonly body: new () => Body;
  /** The body's fields, as the case detail lists them with the decision. */
  readonly fields: readonly DecisionFieldView[];
  /**
   * `user`: who takes it, for an input that records the user's organisation (a mentor contact's, the party
   * of a view on a handover).
   */
  toInput(body: Body, actor: Actor, user: AuthenticatedUser): Input;
  /**
   * The units the input sends the case to, each of the kind it must be: the API refuses (422) a code that
   * is no open unit of that kind before the decision reaches the workflow, which trusts the codes it gets.
   */
  unitsNamed(input: Input): UnitReference[];
  /**
   * A document the process needs on the case before this decision (a signed exit agreement), when a setting
   * asks for it: without one the API refuses (409 `DOCUMENT_REQUIRED`) and nothing changes.
   */
  readonly requiredDocument?: RequiredDocument;
}

export interface RequiredDocument {
  readonly type: DocumentType;
  /** Whether the configuration asks for the document (e.g. REQUIRE_SIGNED_EXIT_AGREEMENT=true). */
  required(config: ExitflowConfig): boolean;
  /** The refusal's Danish message: what is missing and where to add it. */
  readonly message: string;
}

export function decisionRoute<Body extends object, Input>(
  body: new () => Body,
  toInput: (body: Body, actor: Actor, user: AuthenticatedUser) => Input,
  unitsNamed: (input: Input) => UnitReference[] = () => [],
): DecisionRoute<Body, Input> {
  // Read once, when the case type's slice is defined: every case detail lists them.
  return { body, fields: fieldsOf(body), toInput, unitsNamed };
}

/** A case type's decision routes: one per decision of its table (the compiler refuses a missing one). */
export type DecisionRoutes<Inputs> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has a body class of its own
  readonly [Name in keyof Inputs & string]: DecisionRoute<any, Inputs[Name]>;
};

/** Everything the API's case kernel needs to know about one case type. */
export interface CaseSlice<State, Inputs, Facts> {
  readonly caseType: CaseType;
  readonly decisions: DecisionTable<State, Inputs, Facts>;
  readonly routes: DecisionRoutes<Inputs>;
  readonly statuses: CaseStatuses<string>;
  /** The answer to a decision on a closed case: "Forløbet er afsluttet med afslag og kan ikke ændres." */
  closedMessage(statusText: string): string;
}

/**
 * A decision's route: `POST :id/<name>`, open to the permission its table names, documented with the
 * decision's own answers. The route, the permission and the label are the table's; only the summary is
 * the controller's.
 */
export function CaseDecision(
  decision: Pick<DecisionDefinition<never, never, never>, 'name' | 'permission'>,
  summary: string,
  view: ViewClass,
): MethodDecorator {
  return applyDecorators(
    Post(`:id/${decision.name}`),
    RequirePermission(decision.permission),
    DecisionResponses(summary, view),
  );
}
