import { REQUIRED_CHECKS } from '../../../lib/engine/formats';
import { describe, expect, it } from 'vitest';
import { error, fail, pass, skip } from '../../../lib/engine/checks/result';
import { deriveVerdict } from '../../../lib/engine/verdict';

const required = REQUIRED_CHECKS['vc-data-integrity'];
const good = [pass('structure'), pass('proof'), pass('issuer-binding'), pass('validity')];

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('deriveVerdict', () => {
  it('is verified only when every required check passed', () => {
    expect(deriveVerdict([...good, skip('status', 'NOT_APPLICABLE')], required)).toBe('verified');
    expect(deriveVerdict([pass('structure'), pass('proof'), pass('validity')], required)).toBe('unverifiable');
    expect(deriveVerdict([], [])).toBe('unverifiable');
  });

  it('never says verified when a step could not be completed', () => {
    expect(deriveVerdict([...good, error('status', 'STATUS_RETRIEVAL_ERROR', { url: 'https://x' })], required)).toBe('unverifiable');
  });

  it('says failed for a bad signature even when the credential is also revoked', () => {
    expect(deriveVerdict([pass('structure'), fail('proof', 'DI_SIGNATURE_INVALID'), fail('status', 'CRED_REVOKED')], required)).toBe('failed');
  });

  it('keeps revoked, suspended and expired distinct (row 36)', () => {
    expect(deriveVerdict([...good, fail('status', 'CRED_REVOKED')], required)).toBe('revoked');
    expect(deriveVerdict([...good, fail('status', 'CRED_SUSPENDED')], required)).toBe('revoked');
    const expired = [pass('structure'), pass('proof'), pass('issuer-binding'), fail('validity', 'CRED_EXPIRED')];
    expect(deriveVerdict(expired, required)).toBe('expired');
    const notYet = [pass('structure'), pass('proof'), pass('issuer-binding'), fail('validity', 'CRED_NOT_YET_VALID')];
    expect(deriveVerdict(notYet, required)).toBe('failed');
  });

  it('reports a revoked credential whose signature could not be checked as unverifiable, not revoked or verified', () => {
    expect(deriveVerdict([pass('structure'), error('proof', 'FETCH_TIMEOUT'), fail('status', 'CRED_REVOKED')], required)).toBe('unverifiable');
  });

  it('prefers expired over an unknown status: the credential is not current either way', () => {
    const checks = [pass('structure'), pass('proof'), pass('issuer-binding'), fail('validity', 'CRED_EXPIRED'), error('status', 'STATUS_RETRIEVAL_ERROR')];
    expect(deriveVerdict(checks, required)).toBe('expired');
  });
});
