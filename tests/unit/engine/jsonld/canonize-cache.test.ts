/** The canonical-form cache must never let a changed credential reuse an earlier canonical form. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { canonizeRdfc, clearCanonicalCache } from '../../../../lib/engine/jsonld/canonize';
import { verify } from '../../../../lib/engine/pipeline';
import { FIXTURES } from '../../../support/fixtures';

const fixtures = FIXTURES;
const signedPath = path.join(fixtures, 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json');

describe('canonical-form cache', () => {
  it('returns the same canonical form on a second call, and a different one for a changed document', async () => {
    clearCanonicalCache();
    const doc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'did:example:i', credentialSubject: { id: 'did:example:s' } };
    const first = await canonizeRdfc(doc);
    expect(await canonizeRdfc(structuredClone(doc))).toBe(first);
    expect(await canonizeRdfc({ ...doc, issuer: 'did:example:other' })).not.toBe(first);
  });

  describe.skipIf(!existsSync(signedPath))('with a real signed credential', () => {
    it('a credential changed after a verified check of the original is still failed', async () => {
      const ctx = createContext({ now: () => Date.parse('2026-11-22T00:00:00Z') });
      const signed = JSON.parse(readFileSync(signedPath, 'utf8'));
      expect((await verify({ text: JSON.stringify(signed) }, ctx)).verdict).toBe('verified');
      signed.credentialSubject.achievement.name = 'Something else';
      const tampered = await verify({ text: JSON.stringify(signed) }, ctx);
      expect(tampered.verdict).toBe('failed');
      expect(tampered.checks.find((c) => c.id === 'proof')?.code).toBe('DI_SIGNATURE_INVALID');
    });
  });
});
