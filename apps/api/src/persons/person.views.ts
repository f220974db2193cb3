import { CASE_TYPES } from '../../../../libs/domain/case/case-transition';
import {
  ChoiceView,
  DateView,
  IdView,
  MomentView,
  NestedView,
  PageOf,
  TextView,
  UnitRefView,
} from '../common/view-properties';

export class RegisteredPersonView {
  @TextView({ description: 'Den pseudonyme personreference, som sagerne bruger.' }) personRef!: string;
}

class PersonCaseView {
  @IdView() id!: string;
  @ChoiceView(CASE_TYPES) caseType!: string;
  @TextView() status!: string;
  @NestedView(UnitRefView) unit!: UnitRefView;
  @MomentView() openedAt!: string;
  @MomentView({ nullable: true }) closedAt!: string | null;
  @TextView({ description: 'Sagstypen på dansk.' }) caseTypeLabel!: string;
  @TextView({ description: 'Status på dansk.' }) statusText!: string;
}

/** A person as the register shows them to a user with access: name and CPR number, and the cases in scope. */
export class PersonView {
  @TextView() personRef!: string;
  @TextView() name!: string;
  @TextView({ description: 'CPR-nummer, DDMMÅÅ-XXXX.' }) cpr!: string;
  @DateView() birthDate!: string;
  @NestedView([PersonCaseView], {
    description: 'Personens sager i brugerens adgang, nyeste først (også tidligere aftaler).',
  })
  cases!: PersonCaseView[];
}

/** A person found by name: who they are, for a user with access (the read is logged). */
export class PersonSearchItemView {
  @TextView() personRef!: string;
  @TextView() name!: string;
  @TextView({ description: 'CPR-nummer, DDMMÅÅ-XXXX.' }) cpr!: string;
  @DateView() birthDate!: string;
}

export class PersonSearchPage extends PageOf(PersonSearchItemView) {}

/** A case's person, as its detail shows them to a user who may read persons (the read is logged). */
export class CasePersonView extends PersonSearchItemView {}
