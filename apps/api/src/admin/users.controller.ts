import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery, type Page } from '../common/page';
import type { AuthenticatedUser } from '../../../../libs/access/roles';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { UsersRepository, type UserListItem } from '../auth/users.repository';

@ApiTags('Administration')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ summary: 'Egen organisations brugere med rolle og enheder (aldrig sagsindhold).' })
  list(@Query() query: PageQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<UserListItem>> {
    return this.users.list(user.organisation, query.page, query.pageSize);
  }
}
