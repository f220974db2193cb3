import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery, type Page } from '../common/page';
import { RequirePermission } from '../auth/auth.decorators';
import { UsersRepository, type UserListItem } from '../auth/users.repository';

@ApiTags('Administration')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ summary: 'Brugere med rolle, organisation og enheder (aldrig sagsindhold).' })
  list(@Query() query: PageQuery): Promise<Page<UserListItem>> {
    return this.users.list(query.page, query.pageSize);
  }
}
