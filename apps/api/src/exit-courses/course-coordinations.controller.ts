import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../libs/access/authenticated-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { ApiErrorResponses, ListResponses } from '../common/api-responses';
import { CourseCoordinationList, CourseCoordinationView } from './course-coordination.views';
import { CourseCoordinationsRepository } from './course-coordinations.repository';

/**
 * Starts for a person whose open course another unit holds, for the national supervisor of the organisation
 * holding it (docs/need-to-know.md). The units and the course id only: the supervisor opens the course.
 */
@ApiTags('Koordinering af exit-forløb (landsdækkende leder)')
@ApiBearerAuth()
@Controller('course-coordinations')
export class CourseCoordinationsController {
  constructor(private readonly coordinations: CourseCoordinationsRepository) {}

  @Get()
  @RequirePermission('course-coordination:resolve')
  @ListResponses(
    'Forsøg på at starte et exit-forløb for en person, hvis åbne forløb en enhed i organisationen har; nyeste først.',
    CourseCoordinationList,
  )
  async list(@CurrentUser() user: AuthenticatedUser): Promise<CourseCoordinationList> {
    return { items: await this.coordinations.list(user) };
  }

  @Post(':id/resolve')
  @RequirePermission('course-coordination:resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Afslut anmodningen: lederen har koordineret med de to enheder.' })
  @ApiOkResponse({ type: CourseCoordinationView })
  @ApiErrorResponses(401, 403, 404, 409)
  async resolve(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CourseCoordinationView> {
    return this.coordinations.resolve(id, user);
  }
}
