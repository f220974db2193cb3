import { applyDecorators, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_PATTERN } from '../cases/idempotency-keys.service';
import { API_ERROR_CODES, type ApiErrorCode } from './api-error';

/** Every error the API answers with (api-exception.filter.ts). */
export class ApiErrorBodyView {
  @ApiProperty({ enum: API_ERROR_CODES, description: 'Stabil fejlkode; klienter forgrener på den.' })
  code!: ApiErrorCode;

  @ApiProperty({ description: 'Beskeden til brugeren, på dansk.' })
  message!: string;

  @ApiProperty({
    nullable: true,
    description:
      'Ved VALIDATION_FAILED: en liste af {field, problems}; ellers null eller et objekt med ids (fx caseId).',
    oneOf: [
      {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'problems'],
          properties: { field: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } },
        },
      },
      { type: 'object' },
    ],
  })
  details!: unknown;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Ugyldig forespørgsel (felter, JSON, indlejring); intet er ændret.',
  401: 'Ikke logget ind, eller forkert brugernavn/adgangskode.',
  403: 'Rollen eller enheden giver ikke adgang.',
  404: 'Findes ikke (eller er uden for brugerens adgang).',
  409: 'Ikke tilladt i sagens nuværende tilstand; intet er ændret.',
  413: 'Forespørgslen er for stor.',
  415: 'Indholdet er ikke JSON i UTF-8 (tegnsæt eller kodning kan ikke læses).',
  422: 'Velformede men ugyldige oplysninger; intet er ændret.',
  429: 'For mange forsøg.',
  503: 'En afhængighed (PostgreSQL, Temporal) svarer ikke, eller sagen venter på driften. Prøv igen efter Retry-After sekunder.',
};

/** Every body the API may answer with: 400, 413 and 415 come from the body parser for any request with a body. */
const ALWAYS = [400, 413, 415, 503] as const;

/** Declares the error answers of an operation, each with the error schema (503 with its Retry-After header). */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([...statuses, ...ALWAYS])].sort();
  return applyDecorators(
    ...all.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        type: ApiErrorBodyView,
        ...(status === 503
          ? { headers: { 'Retry-After': { description: 'Sekunder før et nyt forsøg.', schema: { type: 'integer' } } } }
          : {}),
      }),
    ),
  );
}

export type ViewClass = new () => object;

/** A read of one thing (a case, a person): 200 with the view, 404 outside the user's scope. */
export function ReadResponses(summary: string, view: ViewClass): MethodDecorator {
  return applyDecorators(ApiOperation({ summary }), ApiOkResponse({ type: view }), ApiErrorResponses(401, 403, 404));
}

/** A list or a board: 200 with a page. */
export function ListResponses(summary: string, page: ViewClass): MethodDecorator {
  return applyDecorators(ApiOperation({ summary }), ApiOkResponse({ type: page }), ApiErrorResponses(401, 403));
}

/** A decision on a case: 200 with the case as it is now; 409 when the case's state does not allow it, 422 for impossible facts. */
export function DecisionResponses(summary: string, view: ViewClass): MethodDecorator {
  return applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOperation({ summary }),
    ApiOkResponse({ type: view }),
    ApiErrorResponses(401, 403, 404, 409, 422),
  );
}

/** Starting a case, idempotent per Idempotency-Key: 201 the first time, 200 for the same key and body again. */
export function StartResponses(summary: string, view: ViewClass): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Samme nøgle og samme indhold starter kun én sag (8-200 tegn: bogstaver, tal og . _ : -).',
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN },
    }),
    ApiCreatedResponse({ type: view, description: 'Sagen er startet.' }),
    ApiOkResponse({
      type: view,
      description: 'Sagen var allerede startet med denne Idempotency-Key og dette indhold.',
    }),
    ApiErrorResponses(401, 403, 409, 422),
  );
}

/** A course start that needs the national supervisor's coordination (docs/need-to-know.md): 202, nothing started. */
export function CoordinationResponse(): MethodDecorator {
  return ApiResponse({
    status: 202,
    type: ApiErrorBodyView,
    description:
      '`COURSE_START_NEEDS_COORDINATION`: forløbet kan ikke startes med det samme; anmodningen er sendt til den landsdækkende leder. Intet er startet.',
  });
}
