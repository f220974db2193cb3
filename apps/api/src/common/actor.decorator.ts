import { createParamDecorator } from '@nestjs/common';
import type { Actor } from '../../../../libs/domain/exit-course/exit-course.types';

/**
 * The user a request acts for, recorded on every decision. Until authentication is in place every
 * request acts as the anonymous user, so the audit trail already carries an actor on each entry.
 */
export const ANONYMOUS_ACTOR: Actor = Object.freeze({ id: 'anonymous' });

export const CurrentActor = createParamDecorator((): Actor => ANONYMOUS_ACTOR);
