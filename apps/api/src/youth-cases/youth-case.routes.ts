import { municipalityReference } from '../../../../libs/domain/organisations/unit-references';
import type { CaseLevel } from '../../../../libs/domain/youth/youth-vocabulary';
import type { YouthCaseDecisionInputs } from '../../../../libs/domain/youth/youth-case.decisions';
import { decisionRoute, type DecisionRoutes } from '../cases/case-slice';
import { instantOrNow } from '../common/instant-or-now';
import { AdultHandoverDto, CaseLevelDto } from './youth-case.dto';

/** The level as the workflow takes it, from the form's choice ('1', '2', '3'). */
export const caseLevelOf = (choice: string | undefined): CaseLevel | undefined =>
  choice === undefined ? undefined : (Number(choice) as CaseLevel);

/** The routes of the decisions every youth case type shares, for the type's slice. */
export const YOUTH_CASE_ROUTES: DecisionRoutes<YouthCaseDecisionInputs> = {
  'case-level': decisionRoute(CaseLevelDto, (body, actor) => ({
    level: caseLevelOf(body.level)!,
    reason: body.reason ?? '',
    actor,
  })),
  'adult-handover': decisionRoute(
    AdultHandoverDto,
    (body, actor) => ({
      handedOver: body.handedOver,
      municipalityCode: body.municipalityCode,
      reason: body.reason,
      decidedAt: instantOrNow(body.decidedAt),
      actor,
    }),
    (input) => [municipalityReference(input.municipalityCode)],
  ),
};
