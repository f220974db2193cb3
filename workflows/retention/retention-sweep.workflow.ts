import { proxyActivities, setWorkflowOptions } from '@temporalio/workflow';
import type { RetentionListActivities, RetentionListSummary } from '../../activities/retention-list.activities';

const { writeRetentionLists } = proxyActivities<RetentionListActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 10 },
});

/** Started each night by the retention Schedule: writes the deletion lists (nothing is deleted here). */
export async function retentionSweepWorkflow(): Promise<RetentionListSummary> {
  return writeRetentionLists();
}

// A night's run lasts seconds: it finishes on the version it started on, and a deploy waits for it (docs/operations.md).
setWorkflowOptions({ versioningBehavior: 'PINNED' }, retentionSweepWorkflow);
