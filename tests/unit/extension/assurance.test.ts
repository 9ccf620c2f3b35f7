/**
 * What a "verified" rests on (lib/extension/assurance.ts), per kind of
 * evidence, from real reports: credentials issued by other people's software
 * (../shared/fixtures) and the demo world's, verified through the engine.
 * Regression: "Verified" always said "The signature is intact and belongs to
 * the issuer named", also for hosted Open Badges 2.0, which carry no signature.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/engine/context';
import { verify } from '../../../lib/engine/pipeline';
import type { Report } from '../../../lib/engine/report';
import { assuranceOf, EXPLANATION, verifiedExplanation } from '../../../lib/extension/assurance';
import { ONE_EDTECH_CONTROLLERS } from '../../support/controller-docs';
import { createFixtureTransport, hostedCopyOf } from '../../support/fixture-transport';
import { fixturePath, fixturesPresent } from '../../support/fixtures';
import { demoWorld, ISSUER, CREDLY_BADGE_PAGE } from './background/demo-world';

const NOW = Date.parse('2026-11-22T00:00:00Z');

/** Verifies a fixture the way the interoperability suite does, documents it names served from the fixture folder. */
async function fixtureReport(file: string): Promise<Report> {
  const { transport } = createFixtureTransport({ ...ONE_EDTECH_CONTROLLERS, ...hostedCopyOf(file) });
  return verify({ bytes: new Uint8Array(readFileSync(fixturePath(file))) }, createContext({ now: () => NOW, transport }));
}

async function worldReport(url: string): Promise<Report> {
  const world = await demoWorld();
  return verify({ url }, createContext({ transport: async (u) => world.respond(u) }));
}

describe.skipIf(!fixturesPresent)('assuranceOf, from credentials other software issued', () => {
  it('a hosted Open Badge 2.0: the issuer’s server confirms it, no signature is claimed', async () => {
    const report = await fixtureReport('1edtech-validator/ob20/basic-assertion.json');
    expect(report.verdict).toBe('verified');
    expect(assuranceOf(report)).toEqual({ evidence: 'hosted', where: 'example.org' });
    expect(verifiedExplanation(report)).toEqual({ key: 'assurance_hosted', where: 'example.org' });
  });

  it('a did:key issuer: signed by the key it names, tied to no organisation', async () => {
    const report = await fixtureReport('dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry.json');
    expect(report.verdict).toBe('verified');
    expect(assuranceOf(report).evidence).toBe('own-key');
    expect(verifiedExplanation(report)?.key).toBe(EXPLANATION['own-key']);
  });

  it('an issuer id that names no key, signed by a did:key (SECURITY.md row 46): the key only', async () => {
    const report = await fixtureReport('1edtech-validator/ob30/simple-did-key-method.json');
    expect(report.verdict).toBe('verified');
    expect(assuranceOf(report).evidence).toBe('own-key');
  });

  it('a did:web issuer: a key bound to the issuer, named by its domain', async () => {
    const report = await fixtureReport('dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didWeb/oidf-noStatus-notExpired.json');
    expect(report.verdict).toBe('verified');
    const { evidence, where } = assuranceOf(report);
    expect(evidence).toBe('issuer-key');
    expect(where).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });

  it('an https issuer whose controller document lists the key: bound to the issuer', async () => {
    const report = await fixtureReport('1edtech-validator/ob30/simple.json');
    expect(report.verdict).toBe('verified');
    expect(assuranceOf(report).evidence).toBe('issuer-key');
  });

  it('a signed Open Badge 2.0: the key is one the issuer’s profile lists', async () => {
    const report = await fixtureReport('1edtech-validator/ob20/simple.jwt');
    expect([report.verdict, report.format]).toEqual(['verified', 'ob2-signed']);
    expect(assuranceOf(report).evidence).toBe('issuer-key');
  });

  it('a sealed European Digital Credential rests on its seal certificate (its verdict aside)', async () => {
    const report = await verify(
      { text: readFileSync(fixturePath('edc-mynextid/microcredential/edc-mc-signed.jsonld'), 'utf8') },
      createContext({ now: () => Date.parse('2026-03-01T00:00:00Z'), transport: async () => { throw new Error('offline'); } }),
    );
    expect(assuranceOf(report)).toEqual({ evidence: 'sealed', where: 'VELOCERT OU (EE, organizationIdentifier NTREE-17207834)' });
    // not verified (the certificate's qualified status is not checked offline): no verified explanation at all
    expect(verifiedExplanation(report)).toBeUndefined();
  });
});

describe('assuranceOf, from the demo world', () => {
  it('its Data Integrity credential (did:web): the issuer’s key, at its domain', async () => {
    const report = await worldReport(`${ISSUER}/credentials/cloud-architecture.json`);
    expect(report.verdict).toBe('verified');
    expect(verifiedExplanation(report)).toEqual({ key: 'assurance_issuerKey', where: 'issuer.credlens-demo.org' });
  });

  it('its VC-JWT: the issuer’s key, at its domain', async () => {
    const report = await worldReport(`${ISSUER}/credentials/data-ethics.jwt`);
    expect([report.verdict, report.format]).toEqual(['verified', 'vc-jwt']);
    expect(verifiedExplanation(report)).toEqual({ key: 'assurance_issuerKey', where: 'issuer.credlens-demo.org' });
  });

  it('the Credly badge (hosted Open Badge 2.0): the platform’s server, never "signature intact"', async () => {
    const world = await demoWorld();
    const report = await verify({ url: 'https://api.credly.com/v1/obi/v2/badge_assertions/6a1c8f0e-4b7d-4c52-9e0a-3f2d1b5c7e91' }, createContext({ transport: async (u) => world.respond(u) }));
    expect(CREDLY_BADGE_PAGE).toContain('6a1c8f0e');
    expect(report.verdict).toBe('verified');
    expect(verifiedExplanation(report)).toEqual({ key: 'assurance_hosted', where: 'api.credly.com' });
  });

  it('a revoked credential has no verified explanation', async () => {
    const report = await worldReport(`${ISSUER}/credentials/secure-coding.json`);
    expect(report.verdict).toBe('revoked');
    expect(verifiedExplanation(report)).toBeUndefined();
    expect(assuranceOf(report).evidence).toBe('issuer-key');
  });
});

describe('verifiedExplanation, when nothing specific can be said', () => {
  it('falls back to "every check passed", never to a stronger claim', () => {
    const report = { verdict: 'verified', format: 'vc-data-integrity', checks: [{ id: 'proof', status: 'pass', code: 'OK', message: '' }], summary: {}, technical: { keySource: 'jws-header' } } as unknown as Report;
    expect(verifiedExplanation(report)).toEqual({ key: 'assurance_checked', where: '' });
    // a key source that would bind to the issuer, but the issuer-binding check did not pass
    const unbound = { ...report, technical: { keySource: 'did:web', keyId: 'did:web:x.example#k' } } as unknown as Report;
    expect(assuranceOf(unbound).evidence).toBe('checked');
  });
});
