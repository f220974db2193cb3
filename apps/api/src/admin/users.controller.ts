import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListResponses } from '../common/api-responses';
import { UserListPage } from '../auth/user.views';
import { PageQuery, type Page } from '../common/page';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { UsersRepository, type UserListItem } from '../auth/users.repository';

@ApiTags('Administration')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @RequirePermission('users:read')
  @ListResponses('Egen organisations brugere med rolle og enheder (aldrig sagsindhold).', UserListPage)
  list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<UserListItem>> {
    return this.users.list(user.organisation, query.page, query.pageSize);
  }
}
