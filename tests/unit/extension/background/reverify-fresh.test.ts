/**
 * Regressions: "check again" read revocation status from the cache for up to five minutes after
 * the issuer revoked; and a hosted Open Badge 2.0 entry could not be rebuilt for a re-check.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BackgroundDeps, HistoryHooks } from '../../../../lib/extension/background/deps';
import { reverify, reverifyInput } from '../../../../lib/extension/background/page-requests';
import { createContext } from '../../../../lib/engine/context';
import type { Report } from '../../../../lib/engine/report';

const report = (over: Partial<Report>): Report => ({
  verdict: 'verified',
  format: 'ob2-hosted',
  container: 'url',
  checks: [],
  summary: {},
  recipient: { outcome: 'not-checked', identifierTypes: [], message: '' },
  technical: {},
  inputHash: '0'.repeat(64),
  checkedAt: '2026-11-22T00:00:00.000Z',
  ...over,
});

describe('re-checking from the history', () => {
  it('rebuilds a hosted Open Badge 2.0 check from the assertion id its issuer hosts', () => {
    const r = report({ credential: { assertion: { id: 'https://badges.example/assertions/1' }, badgeClass: {}, issuer: {} } });
    expect(reverifyInput(r)).toEqual({ url: 'https://badges.example/assertions/1' });
  });

  it('asks for a context that reads keys and status lists anew', async () => {
    const entry = { id: 'e1', report: report({ format: 'vc-data-integrity', container: 'json', credential: { hello: 'world' } }) };
    const createContextSpy = vi.fn((_recipient?: unknown, _options?: { fresh?: boolean }) => createContext({ transport: async () => new Response('', { status: 404 }) }));
    const history = { get: async () => entry, record: async () => undefined } as unknown as HistoryHooks;
    const deps = { history, createContext: createContextSpy } as unknown as BackgroundDeps;
    await reverify('e1', deps);
    expect(createContextSpy).toHaveBeenCalledWith(undefined, { fresh: true });
  });
});
