/**
 * The history list's first rows never wait on the candidate groups: groups
 * read every summary (10,000 in a long history), so the view asks for them
 * only once the first page has been read and painted (use-history.ts).
 */
import '../../components/dom';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useHistory } from '../../../../components/HistoryView/use-history';
import { createMemoryBackend, type HistoryBackend } from '../../../../lib/extension/history/backend';
import { useHistoryBackend } from '../../../../lib/extension/history/record';
import { mount, unmount } from '../../components/dom';

function recording(backend: HistoryBackend, log: string[]): HistoryBackend {
  return {
    ...backend,
    pageNewestFirst: (offset, limit) => (log.push('first page'), backend.pageNewestFirst(offset, limit)),
    forEachSummaryNewestFirst: (visit) => (log.push('every summary'), backend.forEachSummaryNewestFirst(visit)),
  };
}

describe('history view: first rows before groups', () => {
  it('reads the first page, then (after it is shown) every summary for the groups', async () => {
    const log: string[] = [];
    const backend = createMemoryBackend();
    await backend.putMany(Array.from({ length: 3 }, (_, i) => ({
      id: `e${i}`, inputHash: '0'.repeat(64), credentialKey: `input:${'0'.repeat(64)}`, via: 'page' as const,
      checkedAt: `2026-01-0${i + 1}T00:00:00.000Z`, verdict: 'verified' as const, format: 'vc-jwt' as const, report: {} as never, profileName: `Candidate ${i}`,
    })));
    useHistoryBackend(recording(backend, log));
    let state: ReturnType<typeof useHistory> | undefined;
    const Probe = () => ((state = useHistory()), null);
    const container = mount(h(Probe, {}));
    expect(log).toEqual(['first page']); // nothing else asked for while the first page is read
    for (let i = 0; i < 20 && state!.groups.length === 0; i++) await act(() => new Promise((r) => setTimeout(r, 5)));
    expect(state!.total).toBe(3);
    expect(state!.groups.map((g) => g.label)).toEqual(['Candidate 2', 'Candidate 1', 'Candidate 0']);
    expect(log).toEqual(['first page', 'every summary']);
    unmount(container);
  });
});
