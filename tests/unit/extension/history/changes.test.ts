import { describe, expect, it } from 'vitest';
import { describeChanges, describeVerdictChange } from '../../../../lib/extension/history/changes';
import { makeReport, revokedLater } from './make-report';

describe('describeChanges', () => {
  it('reports nothing when two checks agree', () => {
    const r = makeReport();
    expect(describeChanges(r, { ...r, checkedAt: '2026-11-02T00:00:00.000Z' })).toEqual([]);
  });

  it('leads with "Revoked since last check" and names the status check', () => {
    const before = makeReport();
    const changes = describeChanges(before, revokedLater(before, '2026-11-05T00:00:00.000Z'));
    expect(changes[0]).toBe('Revoked since last check (was verified)');
    expect(changes[1]).toMatch(/^Revocation status: pass → fail — The issuer has revoked/);
    expect(changes).toHaveLength(2);
  });

  it('flags a rotated signing key and a check that disappeared', () => {
    const before = makeReport();
    const after = makeReport({ technical: { keyId: 'did:web:issuer.example#key-2' }, checks: [before.checks[0]!] });
    expect(describeChanges(before, after)).toEqual([
      'Revocation status: no longer checked (was pass)',
      'Signing key changed from did:web:issuer.example#key-1 to did:web:issuer.example#key-2',
    ]);
  });

  it('describes a changed code with the same status', () => {
    const before = makeReport({ verdict: 'unverifiable', checks: [{ id: 'status', status: 'error', code: 'FETCH_TIMEOUT', message: 'timeout' }] });
    const after = makeReport({ verdict: 'unverifiable', checks: [{ id: 'status', status: 'error', code: 'FETCH_NETWORK', message: 'unreachable' }] });
    expect(describeChanges(before, after)).toEqual(['Revocation status: unreachable (was: timeout)']);
  });
});

describe('describeVerdictChange', () => {
  it.each([
    ['verified', 'expired', 'Expired since last check (was verified)'],
    ['verified', 'failed', 'No longer passes verification since last check (was verified)'],
    ['unverifiable', 'verified', 'Verified now (was unverifiable)'],
    ['revoked', 'revoked', undefined],
  ] as const)('%s → %s', (a, b, text) => {
    expect(describeVerdictChange(a, b)).toBe(text);
  });
});
