import {
  RETENTION_POLICY,
  retentionDueAt,
  retentionPolicyFromEnvironment,
  retentionScheduleFromEnvironment,
  shortestRetentionDays,
} from './retention-policy';

describe('the retention policy', () => {
  it('has a period with a source and a setting for every case type, access requests included', () => {
    expect(Object.keys(RETENTION_POLICY).sort()).toEqual(
      ['access_request', 'concern_letter', 'dks_assessment', 'exit_course', 'network_council'].sort(),
    );
    for (const definition of Object.values(RETENTION_POLICY)) {
      expect(definition.source).toContain('ikke længere end nødvendigt');
      expect(definition.source).toContain('Ingen kilde fastsætter fristen; konfigurerbar standard.');
      expect(definition.setting).toMatch(/^RETENTION_[A-Z_]+_DAYS$/);
    }
  });

  it('takes a setting of whole days from 1 to 3650 and refuses anything else, naming the variable', () => {
    expect(retentionPolicyFromEnvironment({ RETENTION_EXIT_COURSE_DAYS: '30' }).exit_course).toBe(30);
    expect(retentionPolicyFromEnvironment({}).exit_course).toBe(1825);
    for (const raw of ['0', '3651', '1.5', 'fem']) {
      expect(() => retentionPolicyFromEnvironment({ RETENTION_CONCERN_LETTER_DAYS: raw })).toThrow(
        `RETENTION_CONCERN_LETTER_DAYS must be a whole number of days from 1 to 3650, got '${raw}'.`,
      );
    }
  });

  it('is never due for an open case or an unknown type, else the end plus the period', () => {
    const policy = retentionPolicyFromEnvironment({});
    expect(retentionDueAt(policy, 'exit_course', null)).toBeUndefined();
    expect(retentionDueAt(policy, 'unknown_type', new Date('2026-01-01T00:00:00Z'))).toBeUndefined();
    expect(retentionDueAt(policy, 'concern_letter', new Date('2026-01-01T00:00:00Z'))?.toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect(shortestRetentionDays(policy)).toBe(365);
  });

  it('runs at 02:00 Danish time unless configured, and refuses a cron expression that is not five fields', () => {
    expect(retentionScheduleFromEnvironment({})).toEqual({ cron: '0 2 * * *', timeZone: 'Europe/Copenhagen' });
    expect(() => retentionScheduleFromEnvironment({ RETENTION_SCHEDULE_CRON: '0 2 * *' })).toThrow(
      "RETENTION_SCHEDULE_CRON must be a cron expression of five fields, got '0 2 * *'.",
    );
  });
});
