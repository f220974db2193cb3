import fs from 'node:fs';
import path from 'node:path';
import { PATCHES } from '../../workflows/case/patches';

/**
 * The patch register (workflows/case/patches.ts) against the workflow code and the recorded histories:
 * every `patched()` call names a registered id, and each history the register lists takes the branch it
 * is listed for (its history holds the patch's marker, or not).
 */
const HISTORIES_DIR = path.join(__dirname, 'histories');
const WORKFLOWS_DIR = path.join(__dirname, '..', '..', 'workflows');

interface HistoryEvent {
  markerRecordedEventAttributes?: {
    markerName: string;
    details: Record<string, { payloads: { data: string }[] }>;
  };
}

/** The patch ids whose markers a recorded history holds. */
function patchMarkersOf(history: string): string[] {
  const file = path.join(HISTORIES_DIR, `${history}.json`);
  const { events } = JSON.parse(fs.readFileSync(file, 'utf8')) as { events: HistoryEvent[] };
  return events.flatMap((event) => {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_patch') return [];
    return marker.details['patch-data'].payloads.map(
      (payload) => (JSON.parse(Buffer.from(payload.data, 'base64').toString('utf8')) as { id: string }).id,
    );
  });
}

function sourcesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(full);
    // The register itself speaks of `patched(id)` in its comment.
    return entry.name.endsWith('.ts') && entry.name !== 'patches.ts' ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

const histories = fs
  .readdirSync(HISTORIES_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));
const registered = Object.values(PATCHES);

describe('the patch register', () => {
  it('names every patched() call of the workflows, which name no id of their own', () => {
    const calls = sourcesOf(WORKFLOWS_DIR).flatMap((source) => [...source.matchAll(/patched\(([^)]+)\)/g)]);
    const named = calls.map((call) => /^PATCHES\.(\w+)\.id$/.exec(call[1])?.[1] ?? `not from the register: ${call[1]}`);
    expect([...new Set(named)].sort()).toEqual(Object.keys(PATCHES).sort());
  });

  it.each(registered)('lists for $id histories that take the branch they are listed for', (patch) => {
    expect(patch.newBranch.filter((history) => (patch.oldBranch as readonly string[]).includes(history))).toEqual([]);
    for (const history of [...patch.newBranch, ...patch.oldBranch]) expect(histories).toContain(history);
    expect(patch.newBranch.filter((history) => !patchMarkersOf(history).includes(patch.id))).toEqual([]);
    expect(patch.oldBranch.filter((history) => patchMarkersOf(history).includes(patch.id))).toEqual([]);
  });

  it('registers every patch a recorded history holds, and lists every history that holds one', () => {
    for (const history of histories) {
      for (const id of patchMarkersOf(history)) {
        const patch = registered.find((candidate) => candidate.id === id);
        expect([history, patch?.id]).toEqual([history, id]);
        expect([history, (patch!.newBranch as readonly string[]).includes(history)]).toEqual([history, true]);
      }
    }
  });
});
