import { HttpStatus, Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { AccessLogService } from '../audit/access-log.service';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/page';
import { isUuid } from '../common/uuid';
import { AccessLogRepository } from './access-log.repository';
import type { AccessLogQuery } from './access-log.query';
import type { AccessLogEntryView } from './access-log.views';

/** The filters a read of the log was made with, as its own log row records them. */
const filtersOf = ({ from, to, userId }: AccessLogQuery) =>
  from || to || userId ? { details: { from, to, userId } } : {};

/** Reading a case's or a person's access log: within the reader's scope (404 outside it), and logged itself. */
@Injectable()
export class AccessLogReadsService {
  constructor(
    private readonly repository: AccessLogRepository,
    private readonly accessLog: AccessLogService,
  ) {}

  async ofCase(caseId: string, query: AccessLogQuery, user: AuthenticatedUser): Promise<Page<AccessLogEntryView>> {
    if (!(await this.repository.caseInScope(caseId, user))) throw ApiError.caseNotFound(caseId);
    const page = await this.repository.caseLog(caseId, query);
    await this.accessLog.record(user, 'access_log_read', { caseId, ...filtersOf(query) });
    return page;
  }

  async ofPerson(personRef: string, query: AccessLogQuery, user: AuthenticatedUser): Promise<Page<AccessLogEntryView>> {
    const caseIds = isUuid(personRef) ? await this.repository.personCasesInScope(personRef, user) : undefined;
    if (!caseIds) throw new ApiError(HttpStatus.NOT_FOUND, 'PERSON_NOT_FOUND', 'Personen findes ikke.');
    const page = await this.repository.personLog(personRef, caseIds, user, query);
    await this.accessLog.record(user, 'access_log_read', { personRef, ...filtersOf(query) });
    return page;
  }
}
