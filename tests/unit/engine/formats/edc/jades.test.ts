import { KeyUsageFlags } from '@peculiar/asn1-x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../../../lib/engine/context';
import { verifyEdc } from '../../../../../lib/engine/formats/edc/verify';
import { verify } from '../../../../../lib/engine/pipeline';
import { sha256, toBase64Url } from '../../../../../lib/engine/util/bytes';
import { generateKeys, makeCertificate, sampleEdc, sealJades, toBase64 } from './pki';

const offline = () => createContext({ now: () => Date.parse('2026-02-01T00:00:00Z'), transport: async () => { throw new Error('offline'); } });
const SEALER = { C: 'EE', O: 'Test Sealer OU', CN: 'Test Sealer OU', organizationIdentifier: 'NTREE-1234' };
const CA = { C: 'SI', O: 'Test CA d.d.', CN: 'Test CA e-seal' };

let rsa: CryptoKeyPair;
let rsaLeaf: string;
let ecCa: CryptoKeyPair;
let ecLeafKeys: CryptoKeyPair;
let ecChain: string[];

beforeAll(async () => {
  rsa = await generateKeys('RSA');
  rsaLeaf = toBase64(await makeCertificate({ subject: SEALER, issuer: SEALER, subjectKey: rsa.publicKey, issuerKey: rsa.privateKey, issuerKind: 'RSA' }));
  ecCa = await generateKeys('EC');
  ecLeafKeys = await generateKeys('EC');
  const caCert = await makeCertificate({ subject: CA, issuer: CA, subjectKey: ecCa.publicKey, issuerKey: ecCa.privateKey, issuerKind: 'EC' });
  const leaf = await makeCertificate({ subject: SEALER, issuer: CA, subjectKey: ecLeafKeys.publicKey, issuerKey: ecCa.privateKey, issuerKind: 'EC', serial: 2 });
  ecChain = [toBase64(leaf), toBase64(caCert)];
});

const payload = () => JSON.stringify(sampleEdc());
const run = async (envelope: unknown) => verifyEdc(JSON.stringify(envelope), offline());
const check = (outcome: Awaited<ReturnType<typeof run>>, id: string) => outcome.checks.find((c) => c.id === id);

describe('JAdES seal: sound seals end "could not be checked", never verified', () => {
  it('accepts an RS256 seal with an unencoded payload and names the sealing organisation', async () => {
    const envelope = await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf] });
    const outcome = await run(envelope);
    expect(check(outcome, 'structure')?.status).toBe('pass');
    expect(check(outcome, 'seal')).toMatchObject({ status: 'pass' });
    expect(check(outcome, 'seal')?.message).toContain('Test Sealer OU (EE, organizationIdentifier NTREE-1234)');
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'error', code: 'SEAL_NOT_CHECKED' });
    expect(check(outcome, 'certificate')?.message).toMatch(/qualified EU seal/);
    expect(check(outcome, 'issuer-binding')).toMatchObject({ status: 'pass' });
    expect(outcome.technical.certificateSubject).toBe('Test Sealer OU (EE, organizationIdentifier NTREE-1234)');
    expect(outcome.summary.title).toBe('Data Literacy');
    const report = await verify({ text: JSON.stringify(envelope) }, offline());
    expect(report.verdict).toBe('unverifiable');
    expect(report.format).toBe('edc');
  });

  it('accepts an ES256 seal whose included chain is intact (leaf signed by the CA)', async () => {
    const envelope = await sealJades(payload(), { key: ecLeafKeys.privateKey, alg: 'ES256', x5c: ecChain });
    const outcome = await run(envelope);
    expect(check(outcome, 'seal')?.status).toBe('pass');
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'error', code: 'SEAL_NOT_CHECKED', detail: { chainLength: 2 } });
    expect(outcome.technical.certificateIssuer).toBe('Test CA d.d.');
  });

  it('accepts a base64url-encoded payload (b64 absent)', async () => {
    const outcome = await run(await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf], b64: true }));
    expect(check(outcome, 'seal')?.status).toBe('pass');
    expect(check(outcome, 'structure')?.status).toBe('pass');
  });

  it('accepts the flattened JWS JSON serialization', async () => {
    const general = await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf] });
    const flattened = { payload: general.payload, ...general.signatures[0] };
    const report = await verify({ text: JSON.stringify(flattened) }, offline());
    expect(report.format).toBe('edc');
    expect(report.checks.find((c) => c.id === 'seal')?.status).toBe('pass');
  });

  it('accepts a matching x5t#S256 thumbprint', async () => {
    const thumb = toBase64Url(await sha256(Uint8Array.from(atob(rsaLeaf), (c) => c.charCodeAt(0))));
    const outcome = await run(await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf], header: { 'x5t#S256': thumb } }));
    expect(check(outcome, 'seal')?.status).toBe('pass');
  });
});

describe('JAdES seal: broken seals fail', () => {
  it('fails a payload changed after sealing', async () => {
    const envelope = await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf] });
    envelope.payload = envelope.payload.replace('Data Literacy', 'Data Mastery');
    const report = await verify({ text: JSON.stringify(envelope) }, offline());
    expect(report.verdict).toBe('failed');
    expect(report.checks.find((c) => c.id === 'seal')).toMatchObject({ status: 'fail', code: 'SEAL_SIGNATURE_INVALID' });
  });

  it('fails a seal made with a key other than the certificate’s', async () => {
    const outcome = await run(await sealJades(payload(), { key: ecCa.privateKey, alg: 'ES256', x5c: ecChain }));
    expect(check(outcome, 'seal')).toMatchObject({ status: 'fail', code: 'SEAL_SIGNATURE_INVALID' });
  });

  it('fails a chain whose leaf was not issued by the included CA', async () => {
    const otherCa = await generateKeys('EC');
    const forged = await makeCertificate({ subject: SEALER, issuer: CA, subjectKey: ecLeafKeys.publicKey, issuerKey: otherCa.privateKey, issuerKind: 'EC' });
    const outcome = await run(await sealJades(payload(), { key: ecLeafKeys.privateKey, alg: 'ES256', x5c: [toBase64(forged), ecChain[1]!] }));
    expect(check(outcome, 'seal')?.status).toBe('pass');
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'fail', code: 'SEAL_CERTIFICATE_INVALID' });
    expect((await verify({ text: JSON.stringify(await sealJades(payload(), { key: ecLeafKeys.privateKey, alg: 'ES256', x5c: [toBase64(forged), ecChain[1]!] })) }, offline())).verdict).toBe('failed');
  });

  it('fails a chain whose issuing CA certificate was not valid at the signing time', async () => {
    const oldCa = toBase64(await makeCertificate({
      subject: CA, issuer: CA, subjectKey: ecCa.publicKey, issuerKey: ecCa.privateKey, issuerKind: 'EC',
      notBefore: new Date('2010-01-01T00:00:00Z'), notAfter: new Date('2020-01-01T00:00:00Z'),
    }));
    const outcome = await run(await sealJades(payload(), { key: ecLeafKeys.privateKey, alg: 'ES256', x5c: [ecChain[0]!, oldCa] }));
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'fail', code: 'SEAL_CERTIFICATE_INVALID' });
    expect(check(outcome, 'certificate')?.message).toMatch(/issuing certificate 2 was not valid/);
  });

  it('fails a chain link where the CA key cannot have made the signature (RSA CA, ECDSA-signed leaf)', async () => {
    const rsaCa = toBase64(await makeCertificate({ subject: CA, issuer: CA, subjectKey: rsa.publicKey, issuerKey: rsa.privateKey, issuerKind: 'RSA' }));
    const outcome = await run(await sealJades(payload(), { key: ecLeafKeys.privateKey, alg: 'ES256', x5c: [ecChain[0]!, rsaCa] }));
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'fail', code: 'SEAL_CERTIFICATE_INVALID' });
  });

  it('fails when the certificate was not valid at the signing time (sigT)', async () => {
    const expired = toBase64(await makeCertificate({
      subject: SEALER, issuer: SEALER, subjectKey: rsa.publicKey, issuerKey: rsa.privateKey, issuerKind: 'RSA',
      notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z'),
    }));
    const outcome = await run(await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [expired] }));
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'fail', code: 'SEAL_CERTIFICATE_NOT_VALID_AT_SIGNING' });
  });

  it('fails a certificate whose key usage does not allow signatures', async () => {
    const caOnly = toBase64(await makeCertificate({ subject: SEALER, issuer: SEALER, subjectKey: rsa.publicKey, issuerKey: rsa.privateKey, issuerKind: 'RSA', keyUsage: KeyUsageFlags.keyCertSign }));
    const outcome = await run(await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [caOnly] }));
    expect(check(outcome, 'seal')?.status).toBe('pass');
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'fail', code: 'SEAL_CERTIFICATE_INVALID' });
    expect(check(outcome, 'certificate')?.message).toMatch(/key usage/);
  });

  it('accepts a certificate whose key usage allows non-repudiation', async () => {
    const sealing = toBase64(await makeCertificate({ subject: SEALER, issuer: SEALER, subjectKey: rsa.publicKey, issuerKey: rsa.privateKey, issuerKind: 'RSA', keyUsage: KeyUsageFlags.nonRepudiation }));
    const outcome = await run(await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [sealing] }));
    expect(check(outcome, 'certificate')).toMatchObject({ status: 'error', code: 'SEAL_NOT_CHECKED' });
  });

  it.each([
    ['an unknown critical header', { crit: ['b64', 'sigT', 'sigD'], sigD: {} }, /unknown critical header "sigD"/],
    ['a critical header that is absent', { crit: ['b64', 'sigT', 'adoTst'] }, /"adoTst" is absent/],
    ['b64 false not marked critical', { crit: ['sigT'] }, /b64 is false but not marked critical/],
    ['no signing time', { sigT: undefined, crit: ['b64'] }, /signing time/],
    ['a thumbprint of another certificate', { 'x5t#S256': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, /thumbprint/],
    ['no certificate', { x5c: undefined }, /x5c/],
    ['a signing time in the future', { sigT: '2027-01-01T00:00:00Z' }, /lies in the future/],
  ])('fails a seal with %s (SEAL_INVALID)', async (_name, header, reason) => {
    const outcome = await run(await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf], header }));
    const seal = check(outcome, 'seal');
    expect(seal).toMatchObject({ status: 'fail', code: 'SEAL_INVALID' });
    expect(seal?.message).toMatch(reason);
  });

  it.each(['none', 'HS256'])('refuses alg %s', async (alg) => {
    const envelope = await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf], header: { alg } });
    const report = await verify({ text: JSON.stringify(envelope) }, offline());
    expect(report.verdict).toBe('failed');
    expect(report.checks.find((c) => c.id === 'seal')?.message).toMatch(new RegExp(`"${alg}" is not allowed`));
  });

  it('fails when the algorithm does not fit the certificate key', async () => {
    const envelope = await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf], header: { alg: 'ES256' } });
    expect(check(await run(envelope), 'seal')).toMatchObject({ status: 'fail', code: 'SEAL_INVALID' });
  });

  it('fails a sealed payload that is not a European Digital Credential', async () => {
    const plain = JSON.stringify({ ...sampleEdc(), type: ['VerifiableCredential'] });
    const report = await verify({ text: JSON.stringify(await sealJades(plain, { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf] })) }, offline());
    expect(report.checks.find((c) => c.id === 'structure')).toMatchObject({ status: 'fail', code: 'STRUCTURE_TYPE' });
    expect(report.verdict).toBe('failed');
  });

  it('reports a sealed payload that is not JSON as a structure failure', async () => {
    const outcome = await run(await sealJades('not json', { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf] }));
    expect(check(outcome, 'seal')?.status).toBe('pass');
    expect(check(outcome, 'structure')).toMatchObject({ status: 'fail', code: 'INPUT_UNPARSEABLE' });
  });

  it('does not check a credential with two seals (could not be checked)', async () => {
    const envelope = await sealJades(payload(), { key: rsa.privateKey, alg: 'RS256', x5c: [rsaLeaf] });
    envelope.signatures.push(envelope.signatures[0]!);
    const report = await verify({ text: JSON.stringify(envelope) }, offline());
    expect(report.checks.find((c) => c.id === 'seal')).toMatchObject({ status: 'error', code: 'SEAL_UNSUPPORTED' });
    expect(report.verdict).toBe('unverifiable');
  });

  it('fails an envelope that is not a JWS JSON serialization', async () => {
    const outcome = await run({ payload: '{}', signatures: [{ protected: 42 }] });
    expect(check(outcome, 'seal')).toMatchObject({ status: 'fail', code: 'SEAL_INVALID' });
  });
});
