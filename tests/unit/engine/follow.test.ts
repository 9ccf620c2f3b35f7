/**
 * A link a profile gives, followed to the credential behind it (lib/engine/follow.ts,
 * SECURITY.md row 55): issuers' own addresses with no keyword in the path,
 * redirect wrappers and shorteners (each hop checked before it is requested),
 * web pages carrying or pointing at the credential, and pages without one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, type VerifyContext } from '../../../lib/engine/context';
import { isCredentialShaped } from '../../../lib/engine/follow';
import { verify } from '../../../lib/engine/pipeline';
import type { Report } from '../../../lib/engine/report';
import { utf8 } from '../../../lib/engine/util/bytes';
import { iTXt, makePng } from '../../support/bake';
import { thirdPartyIssuer } from '../../support/third-party-signing';
import { credentialV2, didKeyOf, makeSigner } from './keys/jwt-signer';

const NOW = Date.parse('2026-06-01T00:00:00Z');
type Route = { status?: number; type?: string; body?: string | Uint8Array; location?: string };

/** A transport serving `routes` (404 otherwise) that records every request and answers redirects with a Location, as Node does. */
function world(routes: Record<string, Route>, platformDataUrl?: (u: string) => string | undefined): { ctx: VerifyContext; requested: string[] } {
  const requested: string[] = [];
  const ctx = createContext({
    now: () => NOW,
    ...(platformDataUrl ? { platformDataUrl } : {}),
    transport: async (url) => {
      requested.push(url);
      const r = routes[url];
      if (!r) return new Response('not found', { status: 404 });
      const headers: Record<string, string> = { 'content-type': r.type ?? 'application/json' };
      if (r.location) headers.location = r.location;
      return new Response((r.body ?? null) as BodyInit | null, { status: r.status ?? 200, headers });
    },
  });
  return { ctx, requested };
}

const follow = (url: string, ctx: VerifyContext): Promise<Report> => verify({ url, follow: true }, ctx);
const html = (head: string) => `<!doctype html><html><head>${head}</head><body><h1>Certificate</h1></body></html>`;

let credential: string;

beforeAll(async () => {
  const issuer = await thirdPartyIssuer();
  credential = JSON.stringify(
    await issuer.sign({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:1f6c2b1e-6a1d-4d6e-9b1f-2e3d4c5b6a70',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer.did, type: ['Profile'], name: 'University of Example' },
      validFrom: '2025-01-01T00:00:00Z',
      name: 'Research Data Management',
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', type: ['Achievement'], name: 'Research Data Management', criteria: { narrative: 'Passed the exam.' } } },
    }),
  );
});

const ISSUER_LINK = 'https://credentials.uni-example.de/c/3f9d2a7e';

describe('following a link a profile gives', () => {
  it("an issuer's own address with no keyword in it answers the credential: verified", async () => {
    const { ctx } = world({ [ISSUER_LINK]: { body: credential } });
    const report = await follow(ISSUER_LINK, ctx);
    expect(report.verdict).toBe('verified');
    expect(report.technical.followedLink).toMatchObject({ from: ISSUER_LINK, to: ISSUER_LINK, via: 'link' });
  });

  it('a .jwt link answering a VC-JWT: verified', async () => {
    const signer = await makeSigner('EdDSA');
    const token = await signer.sign(credentialV2(didKeyOf(signer).did), { kid: didKeyOf(signer).vm });
    const { ctx } = world({ 'https://uni-example.de/credentials/42.jwt': { body: token, type: 'application/jwt' } });
    expect((await follow('https://uni-example.de/credentials/42.jwt', ctx)).verdict).toBe('verified');
  });

  it('a shortener that redirects twice: each hop followed, the credential verified', async () => {
    const { ctx, requested } = world({
      'https://sho.rt/x1': { status: 301, location: 'https://go.uni-example.de/r/77' },
      'https://go.uni-example.de/r/77': { status: 302, location: ISSUER_LINK },
      [ISSUER_LINK]: { body: credential },
    });
    const report = await follow('https://sho.rt/x1', ctx);
    expect(report.verdict).toBe('verified');
    expect(requested).toEqual(['https://sho.rt/x1', 'https://go.uni-example.de/r/77', ISSUER_LINK]);
    expect(report.technical.followedLink).toMatchObject({ to: ISSUER_LINK, redirects: 2 });
  });

  it.each([
    ['a loopback address', 'https://127.0.0.1/admin'],
    ['a private network address', 'http://192.168.1.1/'],
    ['a link-local metadata address', 'https://169.254.169.254/latest/meta-data/'],
    ['localhost', 'https://localhost:8443/'],
  ])('row 55: a redirect to %s at a later hop is refused before it is requested', async (_name, target) => {
    const { ctx, requested } = world({
      'https://sho.rt/evil': { status: 302, location: 'https://hop.example/next' },
      'https://hop.example/next': { status: 307, location: target },
    });
    const report = await follow('https://sho.rt/evil', ctx);
    expect(report.checks.map((c) => c.code)).toContain('FETCH_REDIRECT_BLOCKED');
    expect(report.verdict).toBe('unverifiable');
    expect(requested).toEqual(['https://sho.rt/evil', 'https://hop.example/next']);
  });

  it('row 55: more than five redirects are not followed', async () => {
    const routes: Record<string, Route> = {};
    for (let i = 0; i < 7; i++) routes[`https://loop.example/${i}`] = { status: 302, location: `https://loop.example/${i + 1}` };
    const { ctx, requested } = world(routes);
    const report = await follow('https://loop.example/0', ctx);
    expect(report.checks.map((c) => c.code)).toContain('FETCH_REDIRECT_BLOCKED');
    expect(requested).toHaveLength(6);
  });

  it('a redirect is not followed for anything but a credential link (keys, status lists, hosted assertions)', async () => {
    const { ctx } = world({ [ISSUER_LINK]: { status: 302, location: 'https://elsewhere.example/c.json' } });
    const report = await verify({ url: ISSUER_LINK }, ctx);
    expect(report.checks.map((c) => c.code)).toContain('FETCH_REDIRECT_BLOCKED');
  });
});

describe('a link whose answer is not UTF-8 text', () => {
  it('regression: a link answering a baked PNG badge ended in INTERNAL ("not valid utf-8") instead of reading the badge', async () => {
    const link = 'https://badges.example/b/42';
    const png = makePng(iTXt('openbadgecredential', credential));
    const report = await follow(link, world({ [link]: { type: 'image/png', body: png } }).ctx);
    expect(report.checks.map((c) => c.code)).not.toContain('INTERNAL');
    expect(report.verdict).toBe('verified');
  });

  it('regression: a page in another encoding, or cut inside a multi-byte character, is still searched', async () => {
    const link = 'https://courses.example/certificate/1';
    const latin1 = Uint8Array.from([...html('<title>Zertifikat f\u00fcr Gr\u00fc\u00dfe</title>')].map((c) => c.charCodeAt(0) & 0xff));
    const report = await follow(link, world({ [link]: { type: 'text/html; charset=iso-8859-1', body: latin1 } }).ctx);
    expect(report.checks.map((c) => c.code)).toContain('NO_CREDENTIAL_AT_LINK');
  });
});

describe('a link whose address is gone', () => {
  it('regression: a link to a withdrawn OB 2.0 assertion (410 Gone) was read as a broken credential, failed INPUT_UNPARSEABLE', async () => {
    const gone = 'https://badges.example/public/assertions/Xy7pQ2sTR4u1vW9z';
    for (const report of [
      await follow(gone, world({ [gone]: { status: 410, type: 'text/plain', body: 'Gone' } }).ctx),
      await verify({ url: gone }, world({ [gone]: { status: 410, type: 'text/plain', body: 'Gone' } }).ctx),
    ]) {
      expect(report.verdict).toBe('unverifiable');
      expect(report.checks.find((c) => c.status !== 'pass' && c.status !== 'skip')).toMatchObject({ code: 'LINK_GONE', detail: { url: gone } });
    }
  });
});

describe('finding the credential on a web page, without running it', () => {
  it('an embedded JSON-LD credential', async () => {
    const page = html(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"Course","name":"RDM"}</script><script type="application/ld+json">${credential}</script>`);
    const { ctx } = world({ [ISSUER_LINK]: { body: page, type: 'text/html; charset=utf-8' } });
    const report = await follow(ISSUER_LINK, ctx);
    expect(report.verdict).toBe('verified');
    expect(report.technical.followedLink).toMatchObject({ via: 'json-ld' });
  });

  it('an alternate link to a credential media type', async () => {
    const page = html('<link rel="alternate" type="application/vc+ld+json" href="/c/3f9d2a7e.json">');
    const { ctx } = world({ [ISSUER_LINK]: { body: page, type: 'text/html' }, 'https://credentials.uni-example.de/c/3f9d2a7e.json': { body: credential } });
    expect((await follow(ISSUER_LINK, ctx)).technical.followedLink).toMatchObject({ via: 'alternate', to: 'https://credentials.uni-example.de/c/3f9d2a7e.json' });
  });

  it("a platform's page, found by its canonical address, read at the platform's machine-readable address", async () => {
    const badgePage = 'https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';
    const dataUrl = 'https://api.credly.com/v1/obi/v2/badge_assertions/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60';
    const page = html(`<meta property="og:url" content="${badgePage}">`);
    const { ctx, requested } = world({ 'https://bit.ly/3abc': { status: 301, location: 'https://custom.badges.example/b/1' }, 'https://custom.badges.example/b/1': { body: page, type: 'text/html' }, [dataUrl]: { body: credential } }, (u) => (u === badgePage ? dataUrl : undefined));
    const report = await follow('https://bit.ly/3abc', ctx);
    expect(report.technical.followedLink).toMatchObject({ via: 'platform', to: dataUrl });
    expect(requested).toContain(dataUrl);
  });

  it("the page's image, when it is a baked badge", async () => {
    const png = makePng(iTXt('openbadgecredential', credential));
    const page = html('<meta property="og:image" content="https://cdn.uni-example.de/badge.png">');
    const { ctx } = world({ [ISSUER_LINK]: { body: page, type: 'text/html' }, 'https://cdn.uni-example.de/badge.png': { body: png, type: 'image/png' } });
    const report = await follow(ISSUER_LINK, ctx);
    expect(report.verdict).toBe('verified');
    expect(report.container).toBe('url');
  });

  it("a course provider's certificate page without a credential: could not be checked, NO_CREDENTIAL_AT_LINK, naming the host", async () => {
    const page = html('<meta property="og:image" content="https://cdn.courses.example/cert.png"><meta property="og:title" content="Certificate of completion">');
    const { ctx } = world({ 'https://www.courses.example/certificate/AB12': { body: page, type: 'text/html' }, 'https://cdn.courses.example/cert.png': { body: makePng(), type: 'image/png' } });
    const report = await follow('https://www.courses.example/certificate/AB12', ctx);
    expect(report.verdict).toBe('unverifiable');
    expect(report.checks[0]).toMatchObject({ status: 'error', code: 'NO_CREDENTIAL_AT_LINK', detail: { host: 'www.courses.example' } });
  });
});

describe('isCredentialShaped', () => {
  it('tells credentials from pages, logos and unrelated JSON', () => {
    expect(isCredentialShaped(utf8(credential))).toBe(true);
    expect(isCredentialShaped(makePng(iTXt('openbadgecredential', credential)))).toBe(true);
    expect(isCredentialShaped(makePng())).toBe(false);
    expect(isCredentialShaped(utf8('{"@context":"https://schema.org","@type":"Course"}'))).toBe(false);
    expect(isCredentialShaped(utf8('<html><body>hi</body></html>'))).toBe(false);
  });
});
