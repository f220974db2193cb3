import { Param, type PipeTransform } from '@nestjs/common';
import { noteRequestCaseId } from '../../../../libs/observability/logging/request-log';
import { ApiError } from '../common/api-error';
import { isUuid } from '../common/uuid';

/** Whether a text can be a case's id: anything else names no case (and would not be a valid `uuid` in SQL). */
export function isCaseId(text: string): boolean {
  return isUuid(text);
}

/** Lets a case id through; answers any other text as the route answers an unknown case. */
class CaseIdPipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly notFound: (caseId: string) => ApiError) {}

  async transform(caseId: string): Promise<string> {
    if (isCaseId(caseId)) {
      noteRequestCaseId(caseId);
      return caseId;
    }
    // Nest checks a request's parameters all at once. The body's and the query's checks settle without
    // leaving the microtask queue, so waiting for the next turn of the event loop lets their 400 come first,
    // as it does for an unknown case id, which only the lookup after them finds.
    await new Promise<void>((resolve) => setImmediate(resolve));
    throw this.notFound(caseId);
  }
}

/**
 * The case id of a route (`:id`). A text that cannot be a case's id is answered exactly as a case that
 * does not exist, or lies outside the user's scope: 404 `CASE_NOT_FOUND` with the id — unless `notFound`
 * says how the route answers (operations' attention list: "Sagen venter ikke på driften.").
 */
export function CaseIdParam(
  name = 'id',
  notFound: (caseId: string) => ApiError = (caseId) => ApiError.caseNotFound(caseId),
): ParameterDecorator {
  return Param(name, new CaseIdPipe(notFound));
}
