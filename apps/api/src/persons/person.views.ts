import { CASE_TYPES } from '../../../../libs/domain/case/case-transition';
import {
  BooleanView,
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
  @BooleanView({ description: 'Udvidet adressebeskyttelse: en beskyttet person findes aldrig her.' })
  protected!: boolean;
  @NestedView([PersonCaseView], {
    description: 'Personens sager i brugerens adgang, nyeste først (også tidligere aftaler).',
  })
  cases!: PersonCaseView[];
}

/** A person found by name: who they are, for a user with access (the read is logged). */
export class PersonSearchItemView {
  @TextView() personRef!: string;
  @TextView({ description: 'Navnet; »Beskyttet person« for en beskyttet person.' }) name!: string;
  @TextView({ description: 'CPR-nummer, DDMMÅÅ-XXXX; tomt for en beskyttet person.' }) cpr!: string;
  @DateView() birthDate!: string;
  @BooleanView({
    description:
      'Udvidet adressebeskyttelse: navn og CPR-nummer vises kun efter en begrundelse (POST /api/cases/:id/person/reveal).',
  })
  protected!: boolean;
}

export class PersonSearchPage extends PageOf(PersonSearchItemView) {}

/** A case's person, as its detail shows them to a user who may read persons (the read is logged). */
export class CasePersonView extends PersonSearchItemView {
  @BooleanView({ description: 'Om brugeren kan få en beskyttet persons navn og CPR-nummer vist med en begrundelse.' })
  revealable!: boolean;
  @BooleanView({
    description: 'Om brugeren kan sætte eller ophæve beskyttelsen (person:protect, enheden har skriveadgang).',
  })
  protectable!: boolean;
}

/** A protected person's name and CPR number, revealed to the responsible unit's caseworker (the reason is logged). */
export class RevealedPersonView extends PersonSearchItemView {}

/** A person's protection as set or lifted. */
export class PersonProtectionView {
  @TextView() personRef!: string;
  @BooleanView() protected!: boolean;
  @TextView({ description: 'Hvem der sidst satte eller ophævede beskyttelsen (bruger-id).' })
  changedBy!: string;
  @MomentView() changedAt!: string;
}
