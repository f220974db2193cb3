import { CASE_TYPES } from '../../../../libs/domain/case/case-transition';
import { ROLES } from '../../../../libs/domain/organisations/roles';
import { ChoiceView, IdView, MomentView, NestedView, PageOf, TextView, UnitRefView } from '../common/view-properties';
import { ACCESS_LOG_ACTIONS } from './access-log-actions';

/** Who read: the user as the log names them, with their role then and their units now. */
export class AccessLogReaderView {
  @TextView({ description: 'Brugerens id, som loggen gemmer det.' }) id!: string;
  @TextView({ nullable: true, description: 'Brugerens navn, når brugeren er kendt.' }) displayName!: string | null;
  @ChoiceView(ROLES, { description: 'Rollen, brugeren havde, da læsningen skete.' }) role!: string;
  @TextView({ description: 'Rollen på dansk.' }) roleLabel!: string;
  @NestedView([UnitRefView], { description: 'Brugerens enheder.' }) units!: UnitRefView[];
}

/** The case a read was about. */
export class AccessLogCaseView {
  @IdView() id!: string;
  @ChoiceView(CASE_TYPES) caseType!: string;
  @TextView({ description: 'Sagstypen på dansk.' }) caseTypeLabel!: string;
}

/** One row of the access log: when, who, what and which case. */
export class AccessLogEntryView {
  @TextView({ description: 'Loggens løbenummer.' }) id!: string;
  @MomentView() at!: string;
  @NestedView(AccessLogReaderView) user!: AccessLogReaderView;
  @ChoiceView(ACCESS_LOG_ACTIONS) action!: string;
  @TextView({ description: 'Handlingen på dansk.' }) actionLabel!: string;
  @NestedView(AccessLogCaseView, {
    nullable: true,
    description: 'Sagen, når læsningen drejede sig om en sag, læseren af loggen har adgang til.',
  })
  case!: AccessLogCaseView | null;
}

export class AccessLogPage extends PageOf(AccessLogEntryView) {}
