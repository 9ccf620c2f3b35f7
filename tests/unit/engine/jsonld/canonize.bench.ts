/**
 * SECURITY.md budgets: canonicalisation and a warm
 * Data Integrity verification, next to the @digitalbazaar/vc reference on the
 * same credential and the same bundled contexts. Run with `npx vitest bench tests/unit/jsonld`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { canonizeRdfc } from '../../../../lib/engine/jsonld/canonize';
import { verifyDataIntegrity } from '../../../../lib/engine/proofs/data-integrity/verify';
import { referenceVerify } from '../../../bench/reference';
import { fixturePath } from '../../../support/fixtures';

const file = fixturePath('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json');
const present = existsSync(file);
const credential = present ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
const { proof: _proof, ...document } = credential;
const ctx = createContext({ transport: async (url) => { throw new Error(`no network in benchmarks: ${url}`); } });

describe.skipIf(!present)('OB 3.0 credential, eddsa-rdfc-2022, did:key (warm)', () => {
  bench('canonizeRdfc (document only)', async () => {
    await canonizeRdfc(document);
  });
  bench('verifyDataIntegrity', async () => {
    await verifyDataIntegrity(credential, ctx);
  });
  bench('@digitalbazaar/vc verifyCredential (reference)', async () => {
    await referenceVerify(structuredClone(credential));
  });
});
