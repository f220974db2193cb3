import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ListResponses } from '../common/api-responses';
import { UserListItemView, UserListPage } from '../auth/user.views';
import { PageQuery, type Page } from '../common/page';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { UsersRepository, type UserListItem } from '../auth/users.repository';
import { UserChangeDto } from './user-change.dto';
import { UserChangesService } from './user-changes.service';

@ApiTags('Administration')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersController {
  constructor(
    private readonly users: UsersRepository,
    private readonly changes: UserChangesService,
  ) {}

  @Get()
  @RequirePermission('users:read')
  @ListResponses('Egen organisations brugere med rolle og enheder (aldrig sagsindhold).', UserListPage)
  list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<UserListItem>> {
    return this.users.list(user.organisation, query.page, query.pageSize);
  }

  @Patch(':id')
  @RequirePermission('users:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Ændrer en bruger i egen organisation: deaktiver/genaktiver, rolle, enheder (revisionsspor i access_log). ' +
      '409: sig selv deaktiveret, sidste administrator, eller rolle/enheder/e-mail styres af identitetsudbyderen.',
  })
  @ApiOkResponse({ type: UserListItemView })
  @ApiErrorResponses(401, 403, 404, 409, 422)
  update(
    @Param('id') id: string,
    @Body() change: UserChangeDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UserListItem> {
    return this.changes.change(user, id, change);
  }
}
