/**
 * Embedded Data Integrity proofs (W3C vc-data-integrity §4; cryptosuites in
 * lib/engine/proofs/data-integrity/cryptosuites.ts). One proof, a proof set, or a proof chain.
 *
 * Acceptance rule: every proof must have a supported shape, purpose and a
 * valid signature (vc-data-integrity §4.3 "Verify Proof Sets and Chains":
 * the result is verified only if all proofs verify), and at least one of
 * them must be made with a key bound to the issuer. A proof Credlens cannot
 * check (unknown type) next to a valid one therefore leaves the credential
 * unverifiable rather than verified; the others are still checked, so the
 * report says what they established (SECURITY.md row 57).
 */
import { error, fail, fromThrown, pass, skip } from '../../checks/result';
import type { VerifyContext } from '../../context';
import { computeHashData, UNSUPPORTED_CODES, type HashData, type SignatureCheck } from './cryptosuites';
import { disclosedPointers } from './ecdsa-sd';
import { parseProof, type ParsedProof, type ProofPurposeName } from './proof-shape';
import { VerifierError, type ErrorCode } from '../../errors';
import { proofMismatch } from '../../checks/signed-meaning';
import { assertPlainJsonLd } from '../../jsonld/plain';
import { LIMITS } from '../../limits';
import { readSignedProof } from '../../jsonld/signed-reading';
import { checkKeyBinding, precheckKeyBinding, signerDidOf } from '../../keys/bind';
import { resolveVerificationMethod } from '../../keys/resolve';
import type { KeyResolver, ResolvedKey } from '../../keys/types';
import type { Check, TechnicalDetails } from '../../report';
import { toHex } from '../../util/bytes';
import { isObject } from '../../util/json';

/** What verifyDataIntegrity reports: two checks and the details for the technical view. */
export interface ProofOutcome {
  /** a 'proof' check and an 'issuer-binding' check */
  checks: Check[];
  technical: TechnicalDetails;
  /**
   * The canonical N-Quads an RDFC proof signed for the credential itself, when
   * every proof verified: what the credential means, for the comparisons of
   * lib/engine/checks/signed-meaning.ts. Absent for JCS proofs, which sign the JSON.
   */
  signedDataset?: string;
}

/** What checking one proof of the set established. */
interface ProofResult {
  check: Check;
  proof?: ParsedProof;
  key?: ResolvedKey;
  hash?: HashData;
  /** for a selectively disclosed credential: how many statements were mandatory and how many chosen */
  disclosure?: SignatureCheck['disclosure'];
}

/**
 * Whose signature a proof set is, and whom its key must belong to: a
 * credential's issuer, as an assertion (the default), or a presentation's
 * holder, as an authentication (lib/engine/formats/presentation/holder.ts).
 */
export interface ProofPurpose {
  name: ProofPurposeName;
  /** the id the signing key must belong to */
  signerOf(document: Record<string, unknown>): string | undefined;
  bind(key: ResolvedKey, signerId: string): Check;
}

export const ASSERTION: ProofPurpose = { name: 'assertionMethod', signerOf: issuerIdOf, bind: checkKeyBinding };

/**
 * Verifies the embedded proof(s) of `credential` and binds the signing key to
 * its issuer (or, for another `purpose`, to its signer). Never throws: every problem becomes a check.
 *
 * @example
 * const { checks, technical } = await verifyDataIntegrity(credential, ctx);
 */
export async function verifyDataIntegrity(
  credential: Record<string, unknown>,
  ctx: VerifyContext,
  resolveKey: KeyResolver = resolveVerificationMethod,
  purpose: ProofPurpose = ASSERTION,
): Promise<ProofOutcome> {
  try {
    return await verifyProofs(credential, ctx, resolveKey, purpose);
  } catch (e) {
    return { checks: [fromThrown('proof', e), skip('issuer-binding')], technical: {} };
  }
}

async function verifyProofs(credential: Record<string, unknown>, ctx: VerifyContext, resolveKey: KeyResolver, purpose: ProofPurpose): Promise<ProofOutcome> {
  const rawProofs = Array.isArray(credential.proof) ? credential.proof : credential.proof === undefined ? [] : [credential.proof];
  if (rawProofs.length === 0) return { checks: [fail('proof', 'PROOF_MISSING'), skip('issuer-binding')], technical: {} };
  // SECURITY.md row 49: each proof costs a key lookup and a canonicalisation; a chain is a set with links, so this caps it too.
  if (rawProofs.length > LIMITS.proofsPerCredential)
    return { checks: [fail('proof', 'DI_MALFORMED_PROOF', { reason: `${rawProofs.length} proofs, more than the ${LIMITS.proofsPerCredential} Credlens checks` }), skip('issuer-binding')], technical: {} };
  const parsed = rawProofs.map((p): ProofResult => {
    try {
      return { check: pass('proof'), proof: parseProof(p, ctx.now(), purpose.name) };
    } catch (e) {
      return { check: fromThrown('proof', e) };
    }
  });
  // A proof of a kind Credlens cannot check is set aside; the others are checked (SECURITY.md row 57).
  const unchecked = parsed.filter((r) => r.check.status === 'error' && UNSUPPORTED_CODES.has(r.check.code as ErrorCode));
  const checkable = parsed.filter((r) => !unchecked.includes(r));
  const shapeProblem = worst(checkable.map((r) => r.check));
  if (shapeProblem) return { checks: [shapeProblem, skip('issuer-binding')], technical: {} };
  const proofs = checkable.map((r) => r.proof!);
  // A chain may run through a proof that cannot be read, so with one of those no chain is followed.
  if (unchecked.length > 0 && (proofs.length === 0 || proofs.some((p) => p.previousProof.length > 0)))
    return { checks: [unchecked[0]!.check, skip('issuer-binding')], technical: {} };
  const chainProblem = checkChains(proofs);
  if (chainProblem) return { checks: [chainProblem, skip('issuer-binding')], technical: {} };

  const issuerId = purpose.signerOf(credential);
  if (issuerId === undefined) {
    return { checks: [skip('proof'), fail('issuer-binding', 'KEY_NOT_BOUND_TO_ISSUER', { reason: 'the credential names no issuer' })], technical: {} };
  }
  // A key that cannot be the issuer's (another origin, another DID) is only resolved
  // if that needs no network: an attacker-chosen URL is never fetched (lib/engine/keys/bind.ts).
  const prechecks = proofs.map((p) => precheckKeyBinding(p.verificationMethod, issuerId));
  // When no proof can be the issuer's, the binding has failed whatever the signatures say.
  const unbound = prechecks.every((c) => c !== undefined) ? prechecks[0] : undefined;
  // Nothing is read as signed data until the JSON is known to mean what it says (SECURITY.md row 43).
  try {
    assertPlainJsonLd(credential);
  } catch (e) {
    return { checks: [fromThrown('proof', e), unbound ?? skip('issuer-binding')], technical: {} };
  }
  const { proof: _proofs, ...unsecured } = credential;
  const results = await Promise.all(
    proofs.map((p, i) => verifyOneProof(p, unsecured, proofs, prechecks[i] ? withoutNetwork(ctx) : ctx, resolveKey, prechecks[i] !== undefined)),
  );
  const proofProblem = worst(results.map((r) => r.check));
  if (proofProblem) return { checks: [proofProblem, unbound ?? skip('issuer-binding')], technical: technicalFor(results[0]!, rawProofs.length, unsecured) };

  // What each proof signed about itself must be what its JSON members say (SECURITY.md row 43).
  const proofDrift = results.map((r) => (r.hash && r.proof!.suite.canonicalization === 'rdfc' ? proofMismatch(r.proof!.raw, readSignedProof(r.hash.canonicalProofConfig)) : undefined)).find(Boolean);
  if (proofDrift) return { checks: [fail('proof', 'DI_SIGNED_DATA_MISMATCH', { field: proofDrift }), skip('issuer-binding')], technical: technicalFor(results[0]!, rawProofs.length, unsecured) };

  const bindings = results.map((r, i) => prechecks[i] ?? purpose.bind(r.key!, issuerId));
  const boundIndex = Math.max(bindings.findIndex((b) => b.status === 'pass'), 0);
  const suites = [...new Set(results.map((r) => r.proof!.suite.name))].join(', ');
  const proofCheck =
    unchecked.length > 0
      ? // All proofs must verify for `verified`; the message still says which ones did.
        error('proof', 'DI_PROOF_SET_PARTLY_UNCHECKED', { suites, verified: results.length, unsupported: unchecked.map((r) => String(r.check.detail?.suite ?? r.check.code)).join(', ') })
      : pass('proof', `Signature valid (${suites})`, results.length > 1 ? { proofs: results.length } : undefined);
  // The dataset of a proof that is not chained is the credential alone (a chained one also covers earlier proofs).
  const rdfc = results.find((r) => r.hash && r.proof!.suite.canonicalization === 'rdfc' && r.proof!.previousProof.length === 0);
  const signerDid = signerDidOf(bindings[boundIndex]!);
  return {
    checks: [proofCheck, bindings[boundIndex]!],
    technical: { ...technicalFor(results[boundIndex]!, rawProofs.length, unsecured), ...(signerDid ? { signerDid } : {}) },
    ...(rdfc ? { signedDataset: rdfc.hash!.canonicalDocument } : {}),
  };
}

/** The same context with every fetch refused, for keys that are not the issuer's. */
function withoutNetwork(ctx: VerifyContext): VerifyContext {
  return { ...ctx, fetch: async (url) => { throw new VerifierError('KEY_NOT_BOUND_TO_ISSUER', { keyId: url.slice(0, 200), reason: 'not looked up' }); } };
}

/** Resolves the key, rebuilds the signed bytes and checks the signature of one proof. */
async function verifyOneProof(
  proof: ParsedProof,
  unsecured: Record<string, unknown>,
  all: ParsedProof[],
  ctx: VerifyContext,
  resolveKey: KeyResolver,
  notIssuers: boolean,
): Promise<ProofResult> {
  let key: ResolvedKey;
  try {
    key = await resolveKey(proof.verificationMethod, ctx);
  } catch (e) {
    if (notIssuers) return { check: skip('proof', 'SKIPPED', 'Not checked: the signing key does not belong to the issuer'), proof };
    return { check: fromThrown('proof', e), proof };
  }
  try {
    const document = documentForProof(proof, unsecured, all);
    const hash = await computeHashData(proof.suite, document, proof.options, proof.suite.hashFor(key.publicKeyJwk), ctx.work);
    const result = await proof.suite.verify(key.publicKeyJwk, hash, proof.signature, ctx.work);
    const check = result.valid ? pass('proof') : fail('proof', 'DI_SIGNATURE_INVALID', { keyId: key.id.slice(0, 200), ...(result.reason ? { reason: result.reason } : {}) });
    return { check, proof, key, hash, ...(result.disclosure ? { disclosure: result.disclosure } : {}) };
  } catch (e) {
    return { check: fromThrown('proof', e), proof, key };
  }
}

/**
 * The document a proof signed: the credential without proofs, plus, for a
 * chained proof, the proofs it names in previousProof (vc-data-integrity §4.3
 * step 3.3). When the proof carries its own @context, the document must
 * start with it and is processed under it (vc-di-eddsa §3.3.2 / §3.4.2).
 */
function documentForProof(proof: ParsedProof, unsecured: Record<string, unknown>, all: ParsedProof[]): Record<string, unknown> {
  const document: Record<string, unknown> = { ...unsecured };
  if (proof.previousProof.length > 0) document.proof = all.filter((p) => p.id !== undefined && proof.previousProof.includes(p.id)).map((p) => p.raw);
  const proofContext = proof.options['@context'];
  if (proofContext !== undefined) {
    const wanted = Array.isArray(proofContext) ? proofContext : [proofContext];
    const have = Array.isArray(unsecured['@context']) ? unsecured['@context'] : [unsecured['@context']];
    if (!wanted.every((c, i) => JSON.stringify(c) === JSON.stringify(have[i]))) {
      throw new VerifierError('DI_MALFORMED_PROOF', { reason: 'the proof @context is not the start of the credential @context' });
    }
    document['@context'] = proofContext;
  }
  return document;
}

/** vc-data-integrity §4.3 step 3.2: every previousProof must name a proof of the same set. */
function checkChains(proofs: ParsedProof[]): Check | undefined {
  const ids = new Set(proofs.flatMap((p) => (p.id === undefined ? [] : [p.id])));
  const missing = proofs.flatMap((p) => p.previousProof).find((id) => !ids.has(id));
  return missing === undefined ? undefined : fail('proof', 'DI_MALFORMED_PROOF', { reason: `previousProof names no proof of this credential (${missing.slice(0, 100)})` });
}

/** The most serious non-passing check: anything `fail` before anything `error`. */
function worst(checks: Check[]): Check | undefined {
  return checks.find((c) => c.status === 'fail') ?? checks.find((c) => c.status === 'error') ?? checks.find((c) => c.status !== 'pass');
}

function issuerIdOf(credential: Record<string, unknown>): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  return isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

function technicalFor(result: ProofResult, proofCount: number, unsecured: Record<string, unknown>): TechnicalDetails {
  const technical: TechnicalDetails = {};
  // A selectively disclosed credential shows only what its holder revealed: say what that is.
  if (result.disclosure) {
    technical.disclosed = disclosedPointers(unsecured);
    technical.disclosedStatements = result.disclosure;
  }
  if (result.proof) technical.cryptosuite = result.proof.suite.name;
  if (result.key) {
    technical.keyId = result.key.id;
    technical.keyController = result.key.controller;
    technical.keySource = result.key.source;
    if (result.key.document !== undefined) technical.didDocument = result.key.document;
  }
  // The second half of hashData: the hash of the canonical document (vc-di-eddsa §3.3.5).
  if (result.hash) technical.canonicalHash = toHex(result.hash.documentHash);
  if (proofCount > 1) technical.proofCount = proofCount;
  return technical;
}
