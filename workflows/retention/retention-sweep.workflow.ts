import { proxyActivities } from '@temporalio/workflow';
import type { RetentionListActivities, RetentionListSummary } from '../../activities/retention-list.activities';

const { writeRetentionLists } = proxyActivities<RetentionListActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 10 },
});

/** Started each night by the retention Schedule: writes the deletion lists (nothing is deleted here). */
export async function retentionSweepWorkflow(): Promise<RetentionListSummary> {
  return writeRetentionLists();
}
