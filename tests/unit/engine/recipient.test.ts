import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatOutcome } from '../../../lib/engine/formats/types';
import { identityDigest, md5, sha256Sync } from '../../../lib/engine/formats/ob2/identity-hash';
import { checkRecipient, recipientIdentifiers } from '../../../lib/engine/recipient';
import { sha256, toHex } from '../../../lib/engine/util/bytes';

const proofPassed = { id: 'proof' as const, status: 'pass' as const, code: 'OK' as const, message: '' };
const outcome = (credential: unknown, checks: FormatOutcome['checks'] = [proofPassed]): FormatOutcome => ({ format: 'vc-data-integrity', checks, required: [], summary: {}, technical: {}, credential });
const ob2 = (recipient: unknown) => outcome({ assertion: { recipient }, badgeClass: {}, issuer: {} });
const ob3 = (subject: unknown) => outcome({ credentialSubject: subject });

describe('identity hashes', () => {
  it('matches WebCrypto SHA-256 and node MD5 on arbitrary strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        const bytes = new TextEncoder().encode(s);
        expect(toHex(sha256Sync(bytes))).toBe(toHex(await sha256(bytes)));
        expect(toHex(md5(bytes))).toBe(createHash('md5').update(bytes).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('reproduces the OB 3.0 spec example (a@example.com + salt Kosher)', () => {
    expect(identityDigest('sha256', 'a@example.comKosher')).toMatch(/^b5809d8a/);
    expect(identityDigest('sha1', 'x')).toBeUndefined();
  });
});

describe('checkRecipient', () => {
  it('OB 2.0: matches the 1EdTech fixture identity (salted sha256), case-insensitive hex and email', () => {
    const r = { type: 'email', hashed: true, salt: 'deadsea', identity: 'sha256$ECF5409F3F4B91AB60CC5EF4C02AEF7032354375E70CF4D8E43F6A1D29891942' };
    expect(checkRecipient(ob2(r), { email: ' Nobody@Example.org' })).toEqual({ outcome: 'match', identifierTypes: ['email'], message: 'Issued to Nobody@Example.org' });
    expect(checkRecipient(ob2(r), { email: 'grace@example.org' }).outcome).toBe('mismatch');
    expect(checkRecipient(ob2(r), { email: 'grace@example.org' }).message).toBe('Issued to someone else');
  });

  it('OB 2.0: md5 hashes and plain identities', () => {
    const hex = createHash('md5').update('grace@example.orgpepper').digest('hex');
    expect(checkRecipient(ob2({ type: 'email', hashed: true, salt: 'pepper', identity: `md5$${hex}` }), { email: 'grace@example.org' }).outcome).toBe('match');
    expect(checkRecipient(ob2({ type: 'url', hashed: false, identity: 'https://grace.example' }), { url: 'https://grace.example' }).outcome).toBe('match');
  });

  it('OB 3.0: IdentityObjects and a plain subject id', () => {
    const hash = 'sha256$' + createHash('sha256').update('grace@example.orgs1').digest('hex');
    const subject = { identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: hash, salt: 's1' }] };
    expect(checkRecipient(ob3(subject), { email: 'grace@example.org' }).outcome).toBe('match');
    expect(checkRecipient(ob3({ id: 'mailto:grace@example.org' }), { email: 'GRACE@example.org' }).outcome).toBe('match');
    expect(checkRecipient(ob3({ id: 'did:example:grace' }), { did: 'did:example:grace' }).outcome).toBe('match');
    expect(recipientIdentifiers({ credentialSubject: { id: 'https://grace.example', ...subject } }).map((i) => i.kind)).toEqual(['email', 'url']);
  });

  it('reports not-checked without a hint, and no-identifier when nothing comparable is bound', () => {
    expect(checkRecipient(ob3({ id: 'mailto:a@b.example' }), undefined).outcome).toBe('not-checked');
    expect(checkRecipient(ob3({ id: 'mailto:a@b.example' }), { email: '  ' }).outcome).toBe('not-checked');
    const none = checkRecipient(ob3({ name: 'Grace' }), { email: 'grace@example.org' });
    expect(none).toEqual({ outcome: 'no-identifier', identifierTypes: [], message: 'This credential is not bound to an email or web address' });
    expect(checkRecipient(ob3({ id: 'did:example:grace' }), { email: 'grace@example.org' }).outcome).toBe('no-identifier');
  });

  it('never reads an unverified payload: no credential, or a failed or missing proof, means not checked', () => {
    const subject = { id: 'mailto:grace@example.org' };
    expect(checkRecipient(outcome(undefined), { email: 'grace@example.org' }).outcome).toBe('not-checked');
    const forged = outcome({ credentialSubject: subject }, [{ ...proofPassed, status: 'fail', code: 'DI_SIGNATURE_INVALID' }]);
    expect(checkRecipient(forged, { email: 'grace@example.org' }).outcome).toBe('not-checked');
    expect(checkRecipient(outcome({ credentialSubject: subject }, []), { email: 'grace@example.org' }).outcome).toBe('not-checked');
    const unbound = outcome({ credentialSubject: subject }, [proofPassed, { id: 'issuer-binding', status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER', message: '' }]);
    expect(checkRecipient(unbound, { email: 'grace@example.org' }).outcome).toBe('not-checked');
  });
});
