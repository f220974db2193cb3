import { Body, Controller, Get, type INestApplication, Module, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { ApiExceptionFilter } from '../common/api-exception.filter';
import { TextField } from '../common/field-decorators';
import { PageQuery } from '../common/page';
import { apiValidationPipe } from '../common/validation.pipe';
import { CaseIdParam, isCaseId } from './case-id';

const CASE_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

class NoteDto {
  @TextField('note', { label: 'Noten', description: 'En note.', required: true })
  note!: string;
}

@Controller('cases')
class CasesController {
  @Get(':id')
  read(@CaseIdParam() caseId: string) {
    return { caseId };
  }

  @Get(':id/history')
  history(@CaseIdParam() caseId: string, @Query() query: PageQuery) {
    return { caseId, page: query.page };
  }

  @Post(':id/notes')
  note(@CaseIdParam() caseId: string, @Body() dto: NoteDto) {
    return { caseId, note: dto.note };
  }
}

@Module({ controllers: [CasesController] })
class CasesTestModule {}

describe('isCaseId', () => {
  it.each([CASE_ID, CASE_ID.toUpperCase(), '00000000-0000-0000-0000-000000000000'])('takes %s', (text) => {
    expect(isCaseId(text)).toBe(true);
  });

  it.each(['ikke-et-id', '', CASE_ID.slice(1), ` ${CASE_ID}`, `${CASE_ID}\n`, CASE_ID.replace(/-/g, '')])(
    'refuses %j',
    (text) => {
      expect(isCaseId(text)).toBe(false);
    },
  );
});

describe('CaseIdParam', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await NestFactory.create(CasesTestModule, { logger: false });
    app.useGlobalPipes(apiValidationPipe());
    app.useGlobalFilters(new ApiExceptionFilter());
    await app.init();
  });

  afterAll(() => app.close());

  it('lets a case id through', async () => {
    const answer = await request(app.getHttpServer()).get(`/cases/${CASE_ID}`);
    expect([answer.status, answer.body]).toEqual([200, { caseId: CASE_ID }]);
  });

  it('answers any other text as an unknown case, with the id it was given', async () => {
    const answer = await request(app.getHttpServer()).post('/cases/ikke-et-id/notes').send({ note: 'x' });
    expect([answer.status, answer.body]).toEqual([
      404,
      { code: 'CASE_NOT_FOUND', message: 'Sagen findes ikke.', details: { caseId: 'ikke-et-id' } },
    ]);
  });

  it('answers an invalid body or query first (400), as for an unknown case', async () => {
    const body = await request(app.getHttpServer()).post('/cases/ikke-et-id/notes').send({ note: ' ' });
    expect([body.status, body.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const query = await request(app.getHttpServer()).get('/cases/ikke-et-id/history?page=0');
    expect([query.status, query.body.details]).toEqual([
      400,
      [{ field: 'page', problems: ['Sidetallet skal være mindst 1.'] }],
    ]);
    const valid = await request(app.getHttpServer()).get('/cases/ikke-et-id/history?page=2');
    expect(valid.status).toBe(404);
  });
});
