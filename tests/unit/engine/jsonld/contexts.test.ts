import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from '@credlens/jsonld';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXTS, CONTEXT_SHA256 } from '../../../../lib/engine/jsonld/contexts';
import { isBundledContext, staticDocumentLoader } from '../../../../lib/engine/jsonld/static-loader';
import { VerifierError } from '../../../../lib/engine/errors';
import { canonicalizeJcs } from '../../../../lib/engine/proofs/data-integrity/jcs';
import { fixturePath } from '../../../support/fixtures';

const contextsDir = fixturePath('contexts');
const present = existsSync(contextsDir);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Which published copy (../shared/fixtures/contexts, see PROVENANCE.md) stands for which URL. */
const PUBLISHED_COPY: Record<string, string> = {
  'https://www.w3.org/2018/credentials/v1': 'credentials-v1.jsonld',
  'https://www.w3.org/ns/credentials/v2': 'credentials-v2.jsonld',
  'https://www.w3.org/ns/credentials/examples/v2': 'credentials-examples-v2.jsonld',
  'https://w3id.org/security/data-integrity/v1': 'data-integrity-v1.jsonld',
  'https://w3id.org/security/data-integrity/v2': 'data-integrity-v2.jsonld',
  'https://w3id.org/security/multikey/v1': 'multikey-v1.jsonld',
  'https://w3id.org/security/jwk/v1': 'jwk-v1.jsonld',
  'https://w3id.org/security/suites/ed25519-2020/v1': 'ed25519-signature-2020-v1.jsonld',
  'https://w3id.org/security/v2': 'security-v2.jsonld',
  'https://www.w3.org/ns/did/v1': 'did-v1.jsonld',
  'https://www.w3.org/ns/credentials/status/v1': 'bitstring-status-list-v1.jsonld',
  'https://w3id.org/vc/status-list/2021/v1': 'status-list-2021-v1.jsonld',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': 'ob-v3p0-context.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': 'ob-v3p0-context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': 'ob-v3p0-context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'ob-v3p0-context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': 'ob-v3p0-extensions.json',
  'https://w3id.org/openbadges/v2': 'openbadges-v2.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': 'clr-v2p0-2.0.1.json',
};

describe('bundled contexts', () => {
  it('every bundled context has a recorded hash, and the hash is of what is bundled', () => {
    expect(BUNDLED_CONTEXTS.size).toBe(Object.keys(CONTEXT_SHA256).length);
    for (const [url, bundled] of BUNDLED_CONTEXTS) {
      expect(bundled.sha256, url).toMatch(/^[0-9a-f]{64}$/);
      expect(sha256(canonicalizeJcs(bundled.document)), url).toBe(CONTEXT_SHA256[url]);
      expect(bundled.document['@context'], url).toBeTypeOf('object');
    }
  });

  it('bundles the plugfest suite contexts: ed25519-2018 as its npm package has it, jws-2020 as published (the npm copy adds only privateKeyJwk)', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const ed25519 = require('ed25519-signature-2018-context').contexts.get('https://w3id.org/security/suites/ed25519-2018/v1');
    expect(BUNDLED_CONTEXTS.get('https://w3id.org/security/suites/ed25519-2018/v1')?.document).toEqual(ed25519);
    const { privateKeyJwk, ...npmJws } = require('@transmute/security-context/contexts/suites/jws-2020-v1.json')['@context'];
    expect(privateKeyJwk).toBeDefined();
    expect(BUNDLED_CONTEXTS.get('https://w3id.org/security/suites/jws-2020/v1')?.document).toEqual({ '@context': npmJws });
  });

  it('serves the spec-repo copy of OB 3.0.3, not the 1EdTech validator variant with extra terms', () => {
    const ob303 = JSON.stringify(BUNDLED_CONTEXTS.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')?.document);
    expect(ob303).not.toContain('endorsementJwt');
  });
});

describe.skipIf(!present)('bundled contexts equal the published copies (../shared/fixtures/contexts)', () => {
  it.each(Object.entries(PUBLISHED_COPY))('%s', (url, file) => {
    const published = JSON.parse(readFileSync(path.join(contextsDir, file), 'utf8'));
    const bundled = BUNDLED_CONTEXTS.get(url);
    expect(bundled, `${url} is not bundled`).toBeDefined();
    expect(bundled!.document).toEqual(published);
    expect(sha256(canonicalizeJcs(published))).toBe(CONTEXT_SHA256[url]);
  });

  it('every published copy except the validator variant and OB 1.1 is bundled', () => {
    const mapped = new Set(Object.values(PUBLISHED_COPY));
    const unmapped = readdirSync(contextsDir).filter((f) => !mapped.has(f));
    expect(unmapped.sort()).toEqual(['ob-v3p0-3.0.3.1edtech-validator-copy.json', 'openbadges-v1.json']);
  });
});
if (!present) console.log('contexts: ../shared/fixtures/contexts not found; comparison with published copies skipped');

describe('static document loader', () => {
  it('returns the same document instance on every call (jsonld.js caches resolved contexts by identity)', async () => {
    const a = await staticDocumentLoader('https://www.w3.org/ns/credentials/v2');
    const b = await staticDocumentLoader('https://www.w3.org/ns/credentials/v2');
    expect(a).toBe(b);
    expect(a).toMatchObject({ contextUrl: null, documentUrl: 'https://www.w3.org/ns/credentials/v2' });
    expect(a.document).toBe(BUNDLED_CONTEXTS.get('https://www.w3.org/ns/credentials/v2')!.document);
  });

  it('bundled contexts are tagged static, so jsonld.js keeps them processed: a second canonicalisation asks the loader for nothing', async () => {
    let loads = 0;
    const counting = async (url: string) => {
      loads++;
      return staticDocumentLoader(url);
    };
    const options = { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: counting, safe: true, base: null };
    const doc = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Issuer' },
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://example.org/a', type: ['Achievement'], name: 'A' } },
    };
    const first = await jsonld.canonize(structuredClone(doc), options as never);
    loads = 0;
    expect(await jsonld.canonize(structuredClone(doc), options as never)).toBe(first);
    expect(loads).toBe(0);
    expect((await staticDocumentLoader('https://www.w3.org/ns/credentials/v2')).tag).toBe('static');
  });

  it.each([
    'https://evil.example/ctx.jsonld',
    'http://www.w3.org/ns/credentials/v2',
    'https://www.w3.org/ns/credentials/v2/',
    'https://www.w3.org/ns/credentials/undefined-terms/v2',
    'OBv3_beta',
  ])('refuses %s with DI_CONTEXT_NOT_ALLOWED naming the URL', async (url) => {
    expect(isBundledContext(url)).toBe(false);
    const err = await staticDocumentLoader(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VerifierError);
    expect(err).toMatchObject({ code: 'DI_CONTEXT_NOT_ALLOWED', detail: { url } });
  });
});
