/**
 * SECURITY.md row 43: JSON reading ≠ signed meaning. Credentials are signed by
 * the Digital Bazaar reference libraries (eddsa-rdfc-2022), then edited as a
 * forger would, within JSON-LD's rules, so that the signature still holds while
 * a JSON member the engine reads (validUntil, credentialStatus, proof expires,
 * names) is absent, moved or different. Each edit is first shown to keep the
 * signed dataset identical (the proof still verifies as RDF); none may come out
 * verified.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { canonizeRdfc } from '../../../lib/engine/jsonld/canonize';
import { encodeStatusList } from '../../../lib/engine/status/bitstring';
import { newSigner, signCredential } from '../../support/sign-helper';
import { thirdPartyIssuer, type ThirdPartyIssuer } from '../../support/third-party-signing';
import { expectCode, spyNet, verifyJson } from './harness';

type Json = Record<string, unknown>;

const V2 = 'https://www.w3.org/ns/credentials/v2';
const EX = 'https://www.w3.org/ns/credentials/examples/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CRED = 'https://www.w3.org/2018/credentials#';
const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
const ROOT = 'urn:uuid:2d0b7f2e-43a1-4c63-8a1e-7b1f0c2d9e10';
const LIST_URL = 'https://status.example/lists/1';
/** After the credential ended; the harness clock (2026-06-01) is for the status rows. */
const LATER = Date.parse('2026-12-01T00:00:00Z');

/** The canonical N-Quads of a credential without its proof: what an RDFC proof signs. */
const signedDataset = (doc: Json) => {
  const { proof: _p, ...unsecured } = doc;
  return canonizeRdfc(unsecured);
};

let issuer: ThirdPartyIssuer;
/** Expired (validUntil 2025-06-01), with a subject that points back at the credential. */
let expired: Json;
/** An Open Badge whose status list marks it revoked. */
let revoked: Json;
let listCredential: Json;

beforeAll(async () => {
  issuer = await thirdPartyIssuer();
  expired = await issuer.sign({
    '@context': [V2, EX],
    id: ROOT,
    type: ['VerifiableCredential', 'ExampleCredential'],
    issuer: { id: issuer.did, name: 'Real University' },
    validFrom: '2025-01-01T00:00:00Z',
    validUntil: '2025-06-01T00:00:00Z',
    name: 'Data Stewardship',
    credentialSubject: { id: 'did:example:alice', name: 'Alice', seeAlso: { id: ROOT } },
  });
  revoked = await issuer.sign({
    '@context': [V2, OB3],
    id: ROOT,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Real University' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Data Stewardship',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: { id: 'urn:uuid:7c1e1c8e-1a7e-4d0a-9d55-0d3f2a1b7c01', type: ['Achievement'], name: 'Data Stewardship', criteria: { narrative: 'Passed the exam' } },
    },
    credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: LIST_URL },
  });
  listCredential = await issuer.sign({
    '@context': [V2],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await encodeStatusList([7]) },
  });
});

const statusNet = () => spyNet({ [LIST_URL]: listCredential });

describe('SECURITY.md row 43 — the JSON says less than the signature covers', () => {
  it('controls: the signed originals are expired and revoked', async () => {
    expect((await verifyJson(expired, spyNet({}, { now: LATER }).ctx)).verdict).toBe('expired');
    expect((await verifyJson(revoked, statusNet().ctx)).verdict).toBe('revoked');
  });


  const hideValidUntil: [string, (doc: Json) => Json, string][] = [
    ['validUntil moved under @nest', ({ validUntil, ...rest }) => ({ ...rest, '@nest': { validUntil } }), 'DI_NOT_PLAIN_JSON_LD'],
    ['validUntil written as an absolute IRI', ({ validUntil, ...rest }) => ({ ...rest, [`${CRED}validUntil`]: { '@value': validUntil, '@type': XSD_DATETIME } }), 'DI_NOT_PLAIN_JSON_LD'],
    ['an inline context aliasing @nest', ({ validUntil, ...rest }) => ({ ...rest, '@context': [V2, EX, { hidden: '@nest' }], hidden: { validUntil } }), 'DI_CONTEXT_NOT_ALLOWED'],
    [
      'validUntil moved to another object naming the credential (a node merge)',
      ({ validUntil, credentialSubject, ...rest }) => ({ ...rest, credentialSubject: { ...(credentialSubject as Json), seeAlso: { id: ROOT, type: 'VerifiableCredential', validUntil } } }),
      'DI_SIGNED_DATA_MISMATCH',
    ],
  ];

  it.each(hideValidUntil)('%s, never verified', async (_name, edit, code) => {
    const forged = edit(structuredClone(expired));
    // The edit is within JSON-LD's rules: where the dataset can be computed, it is the one that was signed.
    if (code === 'DI_SIGNED_DATA_MISMATCH') expect(await signedDataset(forged)).toBe(await signedDataset(expired));
    const report = await verifyJson(forged, spyNet({}, { now: LATER }).ctx);
    expectCode(report, code);
    expect(report.verdict).not.toBe('verified');
  });

  const hideStatus: [string, (doc: Json) => Json, string][] = [
    // The structure check reads the wrapper as an entry without a type, before the proof is looked at.
    ['credentialStatus wrapped in @set', ({ credentialStatus, ...rest }) => ({ ...rest, credentialStatus: { '@set': [credentialStatus] } }), 'STRUCTURE_STATUS'],
    ['credentialStatus moved under @nest', ({ credentialStatus, ...rest }) => ({ ...rest, '@nest': { credentialStatus } }), 'DI_NOT_PLAIN_JSON_LD'],
    ['credentialStatus spelled as its IRI', ({ credentialStatus, ...rest }) => ({ ...rest, [`${CRED}credentialStatus`]: credentialStatus }), 'DI_NOT_PLAIN_JSON_LD'],
    ['status under @included', ({ credentialStatus, ...rest }) => ({ ...rest, '@included': [{ '@id': ROOT, credentialStatus }] }), 'DI_NOT_PLAIN_JSON_LD'],
  ];

  it.each(hideStatus)('%s, never verified (and never "not revoked")', async (_name, edit, code) => {
    const report = await verifyJson(edit(structuredClone(revoked)), statusNet().ctx);
    expectCode(report, code);
    expect(report.verdict).not.toBe('verified');
  });

  it('a proof @context shorter than the credential\'s (contexts left out of the signed reading) → DI_NOT_PLAIN_JSON_LD', async () => {
    const proof = { ...(expired.proof as Json), '@context': [V2] };
    const report = await verifyJson({ ...expired, proof }, spyNet({}, { now: LATER }).ctx);
    expectCode(report, 'DI_NOT_PLAIN_JSON_LD');
    expect(report.verdict).not.toBe('verified');
  });

  it('a proof that expired, its expires written under @nest → DI_NOT_PLAIN_JSON_LD', async () => {
    const signer = await newSigner();
    const unsigned = { ...withoutProof(expired), issuer: signer.did, validUntil: '2030-01-01T00:00:00Z' };
    const signed = await signCredential(unsigned, signer, { expires: '2025-06-01T00:00:00Z' });
    const { expires, ...proof } = signed.proof as Json;
    expectCode(await verifyJson(signed, spyNet({}, { now: LATER }).ctx), 'DI_MALFORMED_PROOF');
    const report = await verifyJson({ ...signed, proof: { ...proof, '@nest': { expires } } }, spyNet({}, { now: LATER }).ctx);
    expectCode(report, 'DI_NOT_PLAIN_JSON_LD');
    expect(report.verdict).not.toBe('verified');
  });

  it('value objects of another kind (@type, @list, @json) → DI_NOT_PLAIN_JSON_LD', async () => {
    for (const name of [{ '@value': 'Data Stewardship', '@type': 'http://www.w3.org/2001/XMLSchema#string' }, { '@list': ['Data Stewardship'] }, { '@json': 'x' }]) {
      const report = await verifyJson({ ...expired, name }, spyNet({}, { now: LATER }).ctx);
      expect(report.verdict).not.toBe('verified');
      expect(report.checks.map((c) => c.code)).toContain('DI_NOT_PLAIN_JSON_LD');
    }
  });
});

describe('SECURITY.md row 43 — what is shown comes from the signed data', () => {
  it('a name moved off the credential (node merge) is not shown as its title', async () => {
    const { name, credentialSubject, ...rest } = structuredClone(expired);
    const forged = { ...rest, credentialSubject: { ...(credentialSubject as Json), seeAlso: { id: ROOT, name } } };
    expect(await signedDataset(forged)).toBe(await signedDataset(expired));
    const report = await verifyJson(forged, spyNet({}, { now: LATER }).ctx);
    // The credential is still what it was (expired), and the title is not taken from elsewhere.
    expect(report.verdict).toBe('expired');
    expect(report.summary.title).not.toBe('Real University');
  });

  it('a language-tagged name is read as its text', async () => {
    const unsigned = { ...withoutProof(expired), name: [{ '@value': 'Datenpflege', '@language': 'de' }, { '@value': 'Data Stewardship', '@language': 'en' }] };
    const report = await verifyJson(await issuer.sign(unsigned), spyNet({}, { now: LATER }).ctx);
    expect(report.verdict).toBe('expired');
    expect(report.summary.title).toBe('Datenpflege');
  });

  it('an object that is not a value object is never read as text', async () => {
    const unsigned = { ...withoutProof(expired), description: { en: 'Looks like a language map' } };
    const report = await verifyJson(await issuer.sign(unsigned), spyNet({}, { now: LATER }).ctx);
    expect(report.summary.description).toBeUndefined();
  });
});

describe('SECURITY.md row 43 — contexts only from the bundle, for every cryptosuite', () => {
  it('an eddsa-jcs-2022 credential naming an unbundled context → DI_CONTEXT_NOT_ALLOWED, nothing fetched', async () => {
    const signer = await newSigner();
    const unsigned = { ...withoutProof(expired), '@context': [V2, 'https://evil.example/ctx.jsonld'], issuer: signer.did, validUntil: '2030-01-01T00:00:00Z' };
    const signed = await signCredential(unsigned, signer, { cryptosuite: 'eddsa-jcs-2022' });
    const { ctx, requests } = spyNet();
    const report = await verifyJson(signed, ctx);
    expectCode(report, 'DI_CONTEXT_NOT_ALLOWED');
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([]);
  });
});

function withoutProof(doc: Json): Json {
  const { proof: _p, ...rest } = structuredClone(doc);
  return rest;
}
