import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import fs from 'node:fs';
import path from 'node:path';
import { tracingReplayOptions } from '../../libs/observability/tracing/temporal-tracing';
import { WORKFLOWS_PATH } from '../support/temporal-test-env';

/**
 * Replays recorded histories (test/replay/histories, made by `npm run record-histories`) against the
 * current workflow code. A change that alters a workflow's commands without `patched()` fails here.
 */
const HISTORIES_DIR = path.join(__dirname, 'histories');
const files = fs
  .readdirSync(HISTORIES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();

describe('replay of recorded workflow histories', () => {
  it('has recorded histories of every workflow type', () => {
    const types = new Set(files.map((file) => file.split('.')[0]));
    expect([...types].sort()).toEqual([
      'access-request',
      'concern-letter',
      'dks-case',
      'exit-course',
      'network-council',
    ]);
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH, replayName: file }, history, file),
    ).resolves.toBeUndefined();
  });

  // A traced worker's bundle holds the OpenTelemetry workflow interceptors: every history replays there too.
  it('replays every history with the tracing interceptors without nondeterminism', async () => {
    const histories = files.map((file) => ({
      workflowId: file,
      history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
    }));
    const failed: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: WORKFLOWS_PATH, replayName: 'traced', ...tracingReplayOptions() },
      histories,
    )) {
      if (result.error) failed.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failed).toEqual([]);
  }, 600_000);
});
