/**
 * SD-JWT VC through verify() (lib/engine/formats/sd-jwt/verify.ts), issued in
 * the test with jose: the EU Learning Credential read into the summary from
 * disclosed claims only, JWT VC Issuer Metadata, x5c chains, key binding,
 * Token Status List, validity, and W3C credentials secured with SD-JWT.
 */
import { exportJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../../../lib/engine/report';
import { toBase64Url } from '../../../../../lib/engine/util/bytes';
import { spyNet, verifyRow, type Route } from '../../../attacks/harness';
import { didKeyOf, makeSigner } from '../../keys/jwt-signer';
import { issueSdJwt, newKey, present, signJwt, withKeyBinding, type TestKey } from './sd-jwt-issuer';
import { certificate, keyPairs } from './x5c-pki';

const ISS = 'https://university.example';
const METADATA = `${ISS}/.well-known/jwt-vc-issuer`;
const LEARNING_CREDENTIAL = 'urn:eu.europa.ec.eudi:learning:credential:1';
const STATUS_URI = `${ISS}/status/1`;
const SECONDS = (iso: string) => Math.floor(Date.parse(iso) / 1000);

let issuer: TestKey;
let holder: TestKey;
const metadata = (keys: TestKey[] = [issuer], extra: Record<string, unknown> = {}) => ({
  issuer: ISS,
  jwks: { keys: keys.map((k, i) => ({ ...k.publicJwk, kid: `key-${i}` })) },
  ...extra,
});
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id);

beforeAll(async () => {
  issuer = await newKey('ES256');
  holder = await newKey('ES256');
});

/** An EU Learning Credential (claim names of the EUDI reference issuer), personal claims selectively disclosable. */
async function learningCredential(claims: Record<string, unknown> = {}, header: Record<string, unknown> = { kid: 'key-0' }) {
  return issueSdJwt(
    issuer,
    {
      iss: ISS,
      iat: SECONDS('2026-01-10T00:00:00Z'),
      exp: SECONDS('2030-01-01T00:00:00Z'),
      vct: LEARNING_CREDENTIAL,
      cnf: { jwk: holder.publicJwk },
      issuing_authority: 'Example University',
      issuing_country: 'DE',
      date_of_issuance: '2026-01-10',
      achievement_title: 'Data Literacy for Public Administration',
      achievement_description: 'Six ECTS micro-credential',
      language_of_classes: ['en'],
      ...claims,
    },
    { family_name: 'Mustermann', given_name: 'Erika', learner_identification: 'S-0042', expected_study_time: 'P150H' },
    { header, decoys: 2 },
  );
}

describe('the EU Learning Credential as an SD-JWT VC', () => {
  it('verifies with the issuer metadata key, and its summary shows course, issuer and dates', async () => {
    const issued = await learningCredential();
    const { ctx, requests } = spyNet({ [METADATA]: metadata() });
    const report = await verifyRow({ text: await withKeyBinding(present(issued), holder) }, ctx);
    expect(report.format).toBe('sd-jwt-vc');
    expect(report.checks.filter((c) => c.status === 'fail' || c.status === 'error')).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.summary).toMatchObject({
      title: 'Data Literacy for Public Administration',
      description: 'Six ECTS micro-credential',
      issuer: { id: ISS, name: 'Example University' },
      subject: { name: 'Erika Mustermann' },
      validFrom: '2026-01-10',
      validUntil: '2030-01-01T00:00:00Z',
      types: [LEARNING_CREDENTIAL],
    });
    expect(check(report, 'key-binding')).toMatchObject({ status: 'pass', detail: { iat: '2026-05-01T00:00:00Z' } });
    expect(report.technical).toMatchObject({ keyBindingAudience: 'https://verifier.example', keyBindingNonce: 'n-0S6_WzA2Mj', undisclosedDigests: 2 });
    expect(requests).toEqual([METADATA]);
  });

  it('a learner who discloses only the course: no name is shown, and the kept-back claims are counted', async () => {
    const issued = await learningCredential();
    const report = await verifyRow({ text: present(issued, []) }, spyNet({ [METADATA]: metadata() }).ctx);
    expect(report.verdict).toBe('verified');
    expect(report.summary.subject?.name).toBeUndefined();
    expect(JSON.stringify([report.summary, report.credential])).not.toContain('Mustermann');
    expect(check(report, 'claims')).toMatchObject({ status: 'pass', detail: { disclosed: 0, undisclosed: 6 } });
    expect(check(report, 'key-binding')).toMatchObject({ status: 'skip', code: 'NOT_APPLICABLE' });
  });

  it('the older vc+sd-jwt type is read as SD-JWT VC too', async () => {
    const issued = await learningCredential({}, { kid: 'key-0', typ: 'vc+sd-jwt' });
    expect((await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: metadata() }).ctx)).verdict).toBe('verified');
  });

  it('exp in the past: expired; nbf ahead: not yet valid', async () => {
    const expired = await learningCredential({ exp: SECONDS('2026-02-01T00:00:00Z') });
    expect((await verifyRow({ text: present(expired) }, spyNet({ [METADATA]: metadata() }).ctx)).verdict).toBe('expired');
    const early = await learningCredential({ nbf: SECONDS('2027-01-01T00:00:00Z') });
    const report = await verifyRow({ text: present(early) }, spyNet({ [METADATA]: metadata() }).ctx);
    expect(check(report, 'validity')).toMatchObject({ code: 'CRED_NOT_YET_VALID' });
  });

  it('an SD-JWT typed dc+sd-jwt without vct is malformed; a plain SD-JWT of another application is not a credential Credlens reads', async () => {
    const noVct = await issueSdJwt(issuer, { iss: ISS }, { given_name: 'Erika' }, { header: { kid: 'key-0' } });
    expect(check(await verifyRow({ text: present(noVct) }, spyNet({ [METADATA]: metadata() }).ctx), 'structure')).toMatchObject({ status: 'fail', code: 'STRUCTURE_TYPE' });
    const other = await issueSdJwt(issuer, { iss: ISS }, { given_name: 'Erika' }, { header: { kid: 'key-0', typ: 'example+sd-jwt' } });
    const report = await verifyRow({ text: present(other) }, spyNet({ [METADATA]: metadata() }).ctx);
    expect(check(report, 'structure')).toMatchObject({ status: 'error', code: 'INPUT_UNSUPPORTED_FORMAT' });
    expect(report.verdict).toBe('unverifiable');
  });

  it.each(['exp', 'status', 'cnf', 'iss', 'vct'])('a disclosed %s (a claim that must stay in the clear) is SD_JWT_DISCLOSURE_INVALID', async (claim) => {
    const values: Record<string, unknown> = { exp: SECONDS('2030-01-01T00:00:00Z'), status: { status_list: { idx: 0, uri: STATUS_URI } }, cnf: { jwk: holder.publicJwk }, iss: ISS, vct: LEARNING_CREDENTIAL };
    const base = { iss: ISS, vct: LEARNING_CREDENTIAL, cnf: { jwk: holder.publicJwk } } as Record<string, unknown>;
    delete base[claim];
    const issued = await issueSdJwt(issuer, base, { [claim]: values[claim] }, { header: { kid: 'key-0' } });
    const report = await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: metadata() }).ctx);
    expect(report.checks.find((c) => c.code === 'SD_JWT_DISCLOSURE_INVALID')).toBeDefined();
    expect(report.verdict).toBe('failed');
  });
});

describe('JWT VC Issuer Metadata (draft-ietf-oauth-sd-jwt-vc §4)', () => {
  it('the metadata of an issuer with a path sits between host and path', async () => {
    const iss = `${ISS}/tenant/1234`;
    const issued = await issueSdJwt(issuer, { iss, vct: LEARNING_CREDENTIAL }, {}, { header: { kid: 'key-0' } });
    const { ctx, requests } = spyNet({ [`${ISS}/.well-known/jwt-vc-issuer/tenant/1234`]: { ...metadata(), issuer: iss } });
    expect((await verifyRow({ text: present(issued) }, ctx)).verdict).toBe('verified');
    expect(requests).toEqual([`${ISS}/.well-known/jwt-vc-issuer/tenant/1234`]);
  });

  it('keys behind a jwks_uri on the issuer origin are used', async () => {
    const issued = await learningCredential();
    const jwksUri = `${ISS}/keys.json`;
    const { ctx } = spyNet({ [METADATA]: { issuer: ISS, jwks_uri: jwksUri }, [jwksUri]: metadata().jwks });
    expect((await verifyRow({ text: present(issued) }, ctx)).verdict).toBe('verified');
  });

  it('a jwks_uri on another origin is never fetched: KEY_UNRESOLVABLE, unverifiable', async () => {
    const issued = await learningCredential();
    const { ctx, requests } = spyNet({ [METADATA]: { issuer: ISS, jwks_uri: 'https://keys.elsewhere.example/jwks' }, 'https://keys.elsewhere.example/jwks': metadata().jwks });
    const report = await verifyRow({ text: present(issued) }, ctx);
    expect(check(report, 'issuer-binding')).toMatchObject({ status: 'error', code: 'KEY_UNRESOLVABLE' });
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([METADATA]);
  });

  it('metadata naming another issuer is not used: KEY_DID_DOCUMENT_MISMATCH, failed', async () => {
    const issued = await learningCredential();
    const report = await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: { ...metadata(), issuer: 'https://other.example' } }).ctx);
    expect(check(report, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_DID_DOCUMENT_MISMATCH' });
    expect(report.verdict).toBe('failed');
  });

  it('metadata with both jwks and jwks_uri, or neither, is FETCH_BAD_CONTENT (could not check)', async () => {
    const issued = await learningCredential();
    for (const body of [{ ...metadata(), jwks_uri: `${ISS}/keys.json` }, { issuer: ISS }]) {
      const report = await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: body }).ctx);
      expect(check(report, 'issuer-binding')).toMatchObject({ status: 'error', code: 'FETCH_BAD_CONTENT' });
    }
  });

  it('a kid the metadata does not list: KEY_NOT_BOUND_TO_ISSUER; no metadata at all: unverifiable', async () => {
    const issued = await learningCredential({}, { kid: 'key-9' });
    expect(check(await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: metadata() }).ctx), 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
    const report = await verifyRow({ text: present(await learningCredential()) }, spyNet().ctx);
    expect(check(report, 'issuer-binding')).toMatchObject({ status: 'error', code: 'FETCH_HTTP_STATUS' });
    expect(report.verdict).toBe('unverifiable');
  });

  it('a header jwk is never the key: a token signed by a forger who put their key in the header fails', async () => {
    const forger = await newKey('ES256');
    const issued = await issueSdJwt(forger, { iss: ISS, vct: LEARNING_CREDENTIAL }, {}, { header: { jwk: forger.publicJwk } });
    const report = await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: metadata() }).ctx);
    expect(check(report, 'proof')).toMatchObject({ status: 'fail', code: 'JWS_SIGNATURE_INVALID' });
    expect(report.verdict).toBe('failed');
  });

  it('a DID issuer: its key comes from the DID, as for VC-JWT', async () => {
    const signer = await makeSigner('EdDSA');
    const { did, vm } = didKeyOf(signer);
    const key: TestKey = { alg: 'EdDSA', publicJwk: signer.publicJwk, privateKey: signer.privateKey };
    const issued = await issueSdJwt(key, { iss: did, vct: LEARNING_CREDENTIAL, achievement_title: 'Data Literacy' }, {}, { header: { kid: vm } });
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ text: present(issued) }, ctx);
    expect(report.verdict).toBe('verified');
    expect(requests).toEqual([]);
  });
});

describe('x5c: a certificate chain in the header', () => {
  async function chain(dnsNames: string[], uris: string[] = []) {
    const { root, leaf } = await keyPairs();
    const x5c = [
      await certificate({ subject: 'University Signing', issuer: 'Test Root CA', subjectKey: leaf.publicKey, issuerKey: root.privateKey, dnsNames, uris }),
      await certificate({ subject: 'Test Root CA', issuer: 'Test Root CA', subjectKey: root.publicKey, issuerKey: root.privateKey }),
    ];
    const key: TestKey = { alg: 'ES256', publicJwk: await exportJWK(leaf.publicKey), privateKey: leaf.privateKey };
    return { x5c, key };
  }

  it('a sound chain naming the issuer is not enough on its own: anyone can make one (CERTIFICATE_NOT_ANCHORED, unverifiable)', async () => {
    const { x5c, key } = await chain(['university.example']);
    const issued = await issueSdJwt(key, { iss: ISS, vct: LEARNING_CREDENTIAL }, {}, { header: { x5c } });
    const report = await verifyRow({ text: present(issued) }, spyNet().ctx);
    expect(check(report, 'proof')).toMatchObject({ status: 'pass' });
    expect(check(report, 'issuer-binding')).toMatchObject({ status: 'error', code: 'CERTIFICATE_NOT_ANCHORED' });
    expect(report.technical).toMatchObject({ certificateSubject: 'University Signing', x5cChainLength: 2 });
    expect(report.verdict).toBe('unverifiable');
  });

  it('…and verified when the issuer publishes the certificate key in its metadata (URI or DNS name in subjectAltName)', async () => {
    for (const names of [[['university.example'], []], [[], [ISS]]] as const) {
      const { x5c, key } = await chain([...names[0]], [...names[1]]);
      const issued = await issueSdJwt(key, { iss: ISS, vct: LEARNING_CREDENTIAL }, {}, { header: { x5c } });
      const report = await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: metadata([key]) }).ctx);
      expect(check(report, 'issuer-binding')).toMatchObject({ status: 'pass' });
      expect(report.verdict).toBe('verified');
    }
  });

  it('a certificate issued to another host is KEY_NOT_BOUND_TO_ISSUER, failed, whatever the metadata says', async () => {
    const { x5c, key } = await chain(['attacker.example']);
    const issued = await issueSdJwt(key, { iss: ISS, vct: LEARNING_CREDENTIAL }, {}, { header: { x5c } });
    const report = await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: metadata([key]) }).ctx);
    expect(check(report, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'KEY_NOT_BOUND_TO_ISSUER' });
    expect(report.verdict).toBe('failed');
  });

  it('a chain whose leaf is not signed by the next certificate: SEAL_CERTIFICATE_INVALID, failed', async () => {
    const { x5c, key } = await chain(['university.example']);
    const stranger = await chain(['university.example']);
    const issued = await issueSdJwt(key, { iss: ISS, vct: LEARNING_CREDENTIAL }, {}, { header: { x5c: [x5c[0], stranger.x5c[1]] } });
    const report = await verifyRow({ text: present(issued) }, spyNet().ctx);
    expect(check(report, 'issuer-binding')).toMatchObject({ status: 'fail', code: 'SEAL_CERTIFICATE_INVALID' });
  });

  it('no iss: the certificate subject is the issuer, and with nothing to anchor it the credential is unverifiable', async () => {
    const { x5c, key } = await chain(['university.example']);
    const issued = await issueSdJwt(key, { vct: LEARNING_CREDENTIAL }, {}, { header: { x5c } });
    const report = await verifyRow({ text: present(issued) }, spyNet().ctx);
    expect(check(report, 'issuer-binding')).toMatchObject({ status: 'error', code: 'CERTIFICATE_NOT_ANCHORED' });
  });
});

describe('Token Status List for an SD-JWT VC', () => {
  async function statusList(key: TestKey, statuses: number[], bits = 2, claims: Record<string, unknown> = {}) {
    const bytes = new Uint8Array(Math.ceil((statuses.length * bits) / 8));
    statuses.forEach((v, i) => {
      const perByte = 8 / bits;
      bytes[Math.floor(i / perByte)]! |= v << ((i % perByte) * bits);
    });
    const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());
    return signJwt(key, { typ: 'statuslist+jwt', kid: 'key-0' }, { sub: STATUS_URI, iat: SECONDS('2026-05-01T00:00:00Z'), status_list: { bits, lst: toBase64Url(compressed) }, ...claims });
  }
  const served = async (list: string): Promise<Record<string, Route>> => ({ [METADATA]: metadata(), [STATUS_URI]: () => new Response(list, { status: 200 }) });

  it.each([
    [0, 'verified', 'OK'],
    [1, 'revoked', 'CRED_REVOKED'],
    [2, 'revoked', 'CRED_SUSPENDED'],
    [3, 'unverifiable', 'STATUS_UNSUPPORTED'],
  ])('index with status %i → %s (%s)', async (idx, verdict, code) => {
    const issued = await learningCredential({ status: { status_list: { idx, uri: STATUS_URI } } });
    const report = await verifyRow({ text: present(issued) }, spyNet(await served(await statusList(issuer, [0, 1, 2, 3]))).ctx);
    expect(check(report, 'status')).toMatchObject({ code });
    expect(report.verdict).toBe(verdict);
  });

  it("a list signed by another key than the issuer's says nothing: STATUS_VERIFICATION_ERROR, unverifiable", async () => {
    const issued = await learningCredential({ status: { status_list: { idx: 1, uri: STATUS_URI } } });
    const report = await verifyRow({ text: present(issued) }, spyNet(await served(await statusList(await newKey('ES256'), [0, 0]))).ctx);
    expect(check(report, 'status')).toMatchObject({ status: 'error', code: 'STATUS_VERIFICATION_ERROR' });
    expect(report.verdict).toBe('unverifiable');
  });

  it('an expired list is not evidence', async () => {
    const issued = await learningCredential({ status: { status_list: { idx: 0, uri: STATUS_URI } } });
    const list = await statusList(issuer, [0], 1, { exp: SECONDS('2026-05-15T00:00:00Z') });
    expect(check(await verifyRow({ text: present(issued) }, spyNet(await served(list)).ctx), 'status')).toMatchObject({ code: 'STATUS_VERIFICATION_ERROR' });
  });
});

describe('a W3C credential secured with SD-JWT (VC-JOSE-COSE §3.2)', () => {
  it('is read as a VC: issuer keys as for VC-JWT, structure, and only disclosed subject claims', async () => {
    const issuerDoc = 'https://school.example/issuers/1';
    const issued = await issueSdJwt(
      issuer,
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: issuerDoc, name: 'Example School' },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: 'Welding basics' } },
      },
      { name: 'Welding basics certificate' },
      { header: { typ: 'vc+sd-jwt', kid: 'k1' } },
    );
    const { ctx, requests } = spyNet({ 'https://school.example/.well-known/jwks.json': { keys: [{ ...issuer.publicJwk, kid: 'k1' }] } });
    const report = await verifyRow({ text: present(issued) }, ctx);
    expect(report.format).toBe('sd-jwt-vc');
    expect(report.verdict).toBe('verified');
    expect(report.summary).toMatchObject({ title: 'Welding basics', issuer: { id: issuerDoc, name: 'Example School' } });
    expect(requests).toEqual(['https://school.example/.well-known/jwks.json']);
  });
});

describe('bug: a disclosed claim named __proto__ could have become the prototype of the processed payload', () => {
  it('it stays a claim of its own: nothing it holds is read as another claim', async () => {
    const issued = await issueSdJwt(issuer, { vct: LEARNING_CREDENTIAL, iss: ISS }, { ['__proto__']: { achievement_title: 'Brain Surgery' } }, { header: { kid: 'key-0' } });
    const report = await verifyRow({ text: present(issued) }, spyNet({ [METADATA]: metadata() }).ctx);
    const credential = report.credential as Record<string, unknown>;
    expect(Object.getPrototypeOf(credential)).toBe(Object.prototype);
    expect(Object.hasOwn(credential, '__proto__')).toBe(true);
    expect(report.summary.title).toBe(LEARNING_CREDENTIAL);
  });
});
