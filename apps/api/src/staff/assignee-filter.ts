import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { SqlParameters } from '../../../../libs/access/access-policy';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';

/** `assignee=`: `none` (no responsible caseworker), `me`, or a user's id. */
export const ASSIGNEE_FILTER_PATTERN = '^(none|me|[A-Za-z0-9._@|-]{1,120})$';

/** The query parameter of the boards and the case list that filters by responsible caseworker. */
export function AssigneeFilter(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      pattern: ASSIGNEE_FILTER_PATTERN,
      description: 'Kun sager med denne ansvarlige sagsbehandler (brugerens id), `me` for egne, `none` for ufordelte.',
    }),
    IsOptional(),
    Matches(new RegExp(ASSIGNEE_FILTER_PATTERN), {
      message: 'Den ansvarlige sagsbehandler skal være en brugers id, »me« eller »none« (ufordelt).',
    }),
  );
}

/** SQL condition of an assignee filter on the column `column` (a case's `assignee_id`). */
export function assigneeFilterSql(
  filter: string,
  user: AuthenticatedUser,
  column: string,
  params: SqlParameters,
): string {
  if (filter === 'none') return `${column} IS NULL`;
  return `${column} = ${params.add(filter === 'me' ? user.id : filter)}`;
}
