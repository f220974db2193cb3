import { ROLES, type Role } from '../../../../libs/domain/organisations/roles';
import { ORGANISATIONS, type Organisation } from '../../../../libs/domain/organisations/organisation-units';
import {
  BooleanView,
  ChoiceView,
  IntegerView,
  NestedView,
  PageOf,
  TextListView,
  TextView,
} from '../common/view-properties';

/** A user as the API shows them: who, in which role, for which units. */
export class UserView {
  @TextView({ description: 'Uigennemsigtigt bruger-id (det revisionssporet registrerer).' }) id!: string;
  @TextView() username!: string;
  @TextView() displayName!: string;
  @ChoiceView(ROLES) role!: Role;
  @ChoiceView(ORGANISATIONS) organisation!: Organisation;
  @TextListView({ description: 'Enhedskoder brugeren arbejder for.' }) units!: string[];
}

export class UserListItemView extends UserView {
  @TextView({ nullable: true, description: 'Hvor beskeder til brugeren sendes; null: enhedens postkasse.' })
  email!: string | null;
  @BooleanView() active!: boolean;
}

export class UserListPage extends PageOf(UserListItemView) {}

export class SignedInUserView extends UserView {
  @TextView({ description: 'Rollen på dansk.' }) roleLabel!: string;
}

export class CurrentUserView extends SignedInUserView {
  @TextListView({ description: 'Rollens tilladelser: siden viser kun det, brugeren må bruge.' }) permissions!: string[];
}

export class LoginAnswerView {
  @TextView() accessToken!: string;
  @ChoiceView(['Bearer']) tokenType!: 'Bearer';
  @IntegerView({ description: 'Sekunder, billetten gælder.' }) expiresIn!: number;
  @NestedView(SignedInUserView) user!: SignedInUserView;
}
