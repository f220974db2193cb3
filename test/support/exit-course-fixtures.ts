import { randomUUID } from 'node:crypto';
import { defaultDeadlinePolicy } from '../../libs/domain/deadlines/deadline-policy';
import { addCalendarDays, danishDateOf, formatLocalDate } from '../../libs/domain/time/copenhagen-calendar';
import type { StartExitCourseInput } from '../../libs/domain/exit-course/exit-course.types';

export const CASEWORKER = { id: 'user-kf-storstroem-1' };

export function exitCourseInput(referredAt: Date, overrides: Partial<StartExitCourseInput> = {}): StartExitCourseInput {
  return {
    caseId: randomUUID(),
    personRef: 'P-TEST-0001',
    institutionCode: 'KF-STORSTROEM',
    // Two years after the referral: the test server's clock moves on through a suite's sleeps.
    expectedReleaseDate: formatLocalDate(addCalendarDays(danishDateOf(referredAt), 730)),
    paroleLinked: false,
    referredAt: referredAt.toISOString(),
    deadlines: defaultDeadlinePolicy(),
    actor: CASEWORKER,
    ...overrides,
  };
}

export const DAY_MS = 24 * 3600_000;
