/** Builds engine-shaped reports for history tests (no verification involved). */
import { createHash } from 'node:crypto';
import type { Check, Report, Verdict } from '../../../../lib/engine/report';

export const hashOf = (s: string): string => createHash('sha256').update(s).digest('hex');

export function makeReport(overrides: Partial<Report> & { seed?: string } = {}): Report {
  const { seed = 'credential-a', ...rest } = overrides;
  return {
    verdict: 'verified',
    format: 'vc-data-integrity',
    container: 'json',
    checks: [
      { id: 'proof', status: 'pass', code: 'OK', message: 'Passed' },
      { id: 'status', status: 'pass', code: 'OK', message: 'Passed' },
    ],
    summary: { title: 'Cloud Practitioner', issuer: { id: 'did:web:issuer.example', name: 'Example University' } },
    recipient: { outcome: 'not-checked', identifierTypes: [], message: 'Not checked' },
    technical: { keyId: 'did:web:issuer.example#key-1' },
    inputHash: hashOf(seed),
    checkedAt: '2026-11-01T10:00:00.000Z',
    ...rest,
  };
}

const REVOKED: Check = { id: 'status', status: 'fail', code: 'CRED_REVOKED', message: 'The issuer has revoked this credential' };

/** The same credential checked later and found revoked. */
export function revokedLater(report: Report, checkedAt: string): Report {
  const verdict: Verdict = 'revoked';
  return { ...report, verdict, checkedAt, checks: report.checks.map((c) => (c.id === 'status' ? REVOKED : c)) };
}
