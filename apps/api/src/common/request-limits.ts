import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';
import { unknownFieldProblem, type FieldProblem } from './validation.pipe';

/** Largest request body accepted; decisions are small JSON documents. */
export const REQUEST_BODY_LIMIT = '100kb';

/** Deepest nesting a JSON body may have: the deepest real one (a council's agreements) has 3 levels. */
export const MAX_JSON_DEPTH = 10;

/** Longest array in a body: the codec endpoint takes up to 1000 payloads; no case command takes more than 50 items. */
export const MAX_JSON_ARRAY_ITEMS = 1000;

/**
 * Keys JSON.parse creates as own properties but class-transformer silently drops: refused like any other
 * unknown field, so a client learns they do nothing instead of believing they were kept.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL cannot store
 * U+0000 in text at all (a case would be stuck behind a write that can never succeed); the others are
 * never typed by a person and are refused with it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function controlCharacterProblem(field: string, text: string): FieldProblem {
  const code = text.match(CONTROL_CHARACTER)![0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return {
    field,
    problems: [`Teksten indeholder et usynligt kontroltegn (U+${code}), som ikke kan gemmes. Fjern det, og prøv igen.`],
  };
}

class TooDeep extends Error {}

class TooLong extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

/**
 * Walks a parsed body (or query) once, bounded by MAX_JSON_DEPTH, collecting what no handler may see:
 * forbidden keys and text with control characters. Throws TooDeep / TooLong for a shape past the limits.
 */
function inspect(value: unknown, field: string, depth: number, problems: FieldProblem[]): void {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) problems.push(controlCharacterProblem(field || '(brødtekst)', value));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_JSON_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) {
    if (value.length > MAX_JSON_ARRAY_ITEMS) throw new TooLong(field);
    value.forEach((item, index) => inspect(item, field ? `${field}.${index}` : String(index), depth + 1, problems));
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) problems.push(unknownFieldProblem(path));
    else inspect(inner, path, depth + 1, problems);
  }
}

/** The problems of one request part, or the error that refuses the whole request. */
export function inspectRequestData(value: unknown): ApiError | undefined {
  const problems: FieldProblem[] = [];
  try {
    inspect(value, '', 0, problems);
  } catch (error) {
    if (error instanceof TooDeep) {
      return new ApiError(
        HttpStatus.BAD_REQUEST,
        'BODY_TOO_DEEP',
        `Forespørgslen er indlejret i mere end ${MAX_JSON_DEPTH} niveauer.`,
      );
    }
    if (error instanceof TooLong) {
      return new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', [
        { field: error.field, problems: [`En liste må højst have ${MAX_JSON_ARRAY_ITEMS} elementer.`] },
      ]);
    }
    throw error;
  }
  return problems.length
    ? new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Forespørgslen er ugyldig.', problems)
    : undefined;
}

/**
 * Express middleware after the JSON parser: the body and the query string pass the limits above before
 * any guard, pipe or handler sees them (the DTO validation then checks each field's own rules).
 */
export function refuseUnsafeRequestData(request: Request, _response: Response, next: NextFunction): void {
  next(inspectRequestData(request.body) ?? inspectRequestData(request.query));
}

/** The one route that takes a file: a document upload to a case (`POST /api/cases/:id/documents`), as multipart/form-data. */
const DOCUMENT_UPLOAD = /^\/cases\/[^/]+\/documents\/?$/;

/**
 * A body sent as anything but JSON (a form, text, XML) is refused, not read as an empty request — except a
 * document upload's multipart form, which its route's parser reads (bounded by DOCUMENT_MAX_MEGABYTES).
 */
export function refuseNonJsonBody(request: Request, _response: Response, next: NextFunction): void {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const upload = request.method === 'POST' && DOCUMENT_UPLOAD.test(request.path) && type === 'multipart/form-data';
  if (hasBody && type !== 'application/json' && !upload) {
    return next(
      new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'UNSUPPORTED_MEDIA_TYPE',
        'Indholdet skal sendes som JSON (Content-Type: application/json).',
      ),
    );
  }
  next();
}
