/**
 * The reference stack for Data Integrity credentials: @digitalbazaar/vc
 * verifyCredential with jsonld-signatures suites, given the same bundled
 * contexts through a static document loader and no network (did:key only).
 * Used only by the benchmark, to report ratios measured in the same run;
 * reference-stacks.ts builds it twice, on jsonld.js as published and on the
 * engine's patched copy, so the ratio shows what the patch does and what the
 * rest of the engine does.
 */
// @ts-expect-error untyped package
import * as vc from '@digitalbazaar/vc';
// @ts-expect-error untyped package
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
// @ts-expect-error untyped package
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
// @ts-expect-error untyped package
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
// @ts-expect-error untyped package
import { createVerifyCryptosuite as ecdsaSd2023 } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { BUNDLED_CONTEXTS } from '../../lib/engine/jsonld/contexts';

type Doc = Record<string, unknown>;

/** did:key documents built locally, as a did:key driver would. */
function didKeyDocument(url: string): Doc | undefined {
  const [did, fragment] = url.split('#');
  if (did?.startsWith('did:key:zDna')) return p256DidKeyDocument(did, fragment);
  if (!did?.startsWith('did:key:z6Mk')) return undefined;
  const key = did.slice('did:key:'.length);
  const vmId = `${did}#${key}`;
  const vm = { id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: key };
  const vm2020 = { ...vm, type: 'Ed25519VerificationKey2020' };
  if (fragment) {
    return { '@context': ['https://w3id.org/security/multikey/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'], ...vm2020, type: 'Ed25519VerificationKey2020' };
  }
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    id: did,
    verificationMethod: [vm2020],
    assertionMethod: [vmId],
    authentication: [vmId],
  };
}

/** A P-256 did:key (ecdsa-sd-2023 issuers) as a Multikey document. */
function p256DidKeyDocument(did: string, fragment: string | undefined): Doc {
  const key = did.slice('did:key:'.length);
  const vm = { id: `${did}#${key}`, type: 'Multikey', controller: did, publicKeyMultibase: key };
  if (fragment) return { '@context': 'https://w3id.org/security/multikey/v1', ...vm };
  return { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did, verificationMethod: [vm], assertionMethod: [vm.id] };
}

/** Set by each build of the reference stack (reference-stacks.ts); absent (imported directly): true. */
declare const CREDLENS_REFERENCE_STATIC_CONTEXTS: boolean | undefined;
const staticContexts = typeof CREDLENS_REFERENCE_STATIC_CONTEXTS === 'boolean' ? CREDLENS_REFERENCE_STATIC_CONTEXTS : true;

/**
 * Bundled contexts are served tagged `static`, as the engine's own loader does
 * (lib/engine/jsonld/static-loader.ts) and as a static document loader should,
 * so jsonld.js may keep them processed between verifications on both sides;
 * one build serves them untagged, as this benchmark's reference did before,
 * so that figure stays comparable.
 */
export async function documentLoader(url: string) {
  const ctx = BUNDLED_CONTEXTS.get(url);
  if (ctx) return { contextUrl: null, documentUrl: url, document: ctx.document, ...(staticContexts ? { tag: 'static' } : {}) };
  const did = didKeyDocument(url);
  if (did) return { contextUrl: null, documentUrl: url, document: did };
  throw new Error(`reference loader: not bundled: ${url}`);
}

const suites = [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new DataIntegrityProof({ cryptosuite: ecdsaSd2023() }), new Ed25519Signature2020()];

/** @digitalbazaar/vc verifyCredential; returns whether it verified. */
export async function referenceVerify(credential: Doc): Promise<boolean> {
  const result = await vc.verifyCredential({ credential, suite: suites, documentLoader, checkStatus: async () => ({ verified: true }) });
  if (!result.verified && process.env.BENCH_DEBUG) console.error(JSON.stringify(result, null, 1).slice(0, 2000));
  return result.verified === true;
}
