import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { scanPdfPages, trimGluedSignature, unwrapBrokenTokens, verifiableAttachments, MAX_PDF_FINDINGS } from '../../../lib/pdf/scan';

const CREDLY = 'https://www.credly.com/badges/0b4a4d2e-6d43-4b8f-9a56-2b0f8a8a7c11';

async function signedVcJwt(): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA');
  const vc = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:example:issuer', credentialSubject: { id: 'did:example:ada' } };
  return new SignJWT({ vc, iss: 'did:example:issuer' }).setProtectedHeader({ alg: 'EdDSA', kid: 'did:example:issuer#k1' }).sign(privateKey);
}

describe('scanPdfPages links', () => {
  const linksOn = (raw: string) => scanPdfPages([{ page: 1, text: '', links: [raw] }]);
  it.each([
    [CREDLY, 'credly'],
    [`https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(CREDLY)}`, 'credly'],
  ])('recognises a platform link %s', (raw, platform) => {
    expect(linksOn(raw)).toEqual([{ kind: 'link', value: CREDLY, platform, page: 1 }]);
  });

  it('recognises a generic assertion URL and ignores ordinary links', () => {
    expect(linksOn('https://badges.uni.example/assertions/abcdef123456').map((f) => f.value)).toEqual(['https://badges.uni.example/assertions/abcdef123456']);
    expect(linksOn('https://www.uni.example/about')).toEqual([]);
    expect(linksOn('mailto:ada@example.com')).toEqual([]);
  });
});

describe('scanPdfPages', () => {
  it('finds annotation links, text URLs and a JWS wrapped over lines, each once', async () => {
    const jws = await signedVcJwt();
    const wrapped = jws.match(/.{1,60}/g)!.join('\n');
    const pages = [
      { page: 1, text: `Ada Lovelace\nCertified: see ${CREDLY}.\nhttps://www.uni.example/`, links: [CREDLY, 'https://www.uni.example/'] },
      { page: 2, text: `Signed credential:\n${wrapped}\nEnd`, links: ['https://badges.uni.example/assertions/abcdef123456'] },
    ];
    expect(scanPdfPages(pages)).toEqual([
      { kind: 'link', value: CREDLY, platform: 'credly', page: 1 },
      { kind: 'link', value: 'https://badges.uni.example/assertions/abcdef123456', page: 2 },
      { kind: 'jws', value: jws, page: 2 },
    ]);
  });

  it('drops a wrapped JWS whose signature length its alg does not explain', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'XYZ' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ vc: { type: ['VerifiableCredential'] } })).toString('base64url');
    const wrapped = `${header}.${payload}.${'A'.repeat(40)}\n${'B'.repeat(40)}`;
    expect(scanPdfPages([{ page: 1, text: wrapped, links: [] }]).filter((f) => f.value.endsWith('BBBB'))).toEqual([]);
  });

  it('ignores a session-like JWT that carries no credential', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ sub: 'user-1', scope: 'read' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    expect(scanPdfPages([{ page: 1, text: token, links: [] }])).toEqual([]);
  });

  it('caps the number of findings', () => {
    const links = Array.from({ length: MAX_PDF_FINDINGS + 50 }, (_, i) => `https://badges.example/assertions/assertion-${String(i).padStart(4, '0')}`);
    expect(scanPdfPages([{ page: 1, text: '', links }])).toHaveLength(MAX_PDF_FINDINGS);
  });
});

describe('unwrapBrokenTokens', () => {
  it('joins base64url runs across line breaks but keeps sentences apart', () => {
    expect(unwrapBrokenTokens('eyJhbGci\n  OiJFZERTQSJ9')).toBe('eyJhbGciOiJFZERTQSJ9');
    expect(unwrapBrokenTokens('Hello,\n world')).toBe('Hello,\n world');
  });
});

describe('verifiableAttachments', () => {
  it('lists credential-bearing attachments within the size cap', () => {
    expect(
      verifiableAttachments([
        { filename: 'badge.png', size: 1200 },
        { filename: 'credential.JSON', size: 800 },
        { filename: 'notes.docx', size: 100 },
        { filename: 'huge.json', size: 50 * 1024 * 1024 },
        { filename: 'empty.jwt', size: 0 },
      ]).map((f) => f.value),
    ).toEqual(['badge.png', 'credential.JSON']);
  });
});

describe('trimGluedSignature', () => {
  it.each(['EdDSA', 'ES256', 'RS256'] as const)('cuts a word glued onto a %s signature', async (alg) => {
    const { privateKey } = await generateKeyPair(alg);
    const jws = await new SignJWT({ vc: {} }).setProtectedHeader({ alg }).sign(privateKey);
    expect(trimGluedSignature(`${jws}Next`)).toBe(jws);
    expect(trimGluedSignature(jws)).toBe(jws);
  });

  it('leaves an unknown alg untouched', () => {
    expect(trimGluedSignature('eyJhbGciOiJYWVoifQ.eyJ2YyI6e319.abcdefEnd')).toBe('eyJhbGciOiJYWVoifQ.eyJ2YyI6e319.abcdefEnd');
  });
});
