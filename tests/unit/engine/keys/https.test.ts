import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKeyBinding } from '../../../../lib/engine/keys/bind';
import { decodeMultikey } from '../../../../lib/engine/keys/multikey';
import { resolveHttpsKey } from '../../../../lib/engine/keys/https';
import { encodeEd25519Multikey } from '../../../../lib/engine/keys/multikey';
import { fakeWeb } from './fake-web';
import { fixturePath } from '../../../support/fixtures';

const MB = encodeEd25519Multikey(new Uint8Array(32).fill(3));
const ISSUER = 'https://issuer.example/issuers/876543';

// The OB 3.0 pattern: the issuer profile at the issuer URL is the controller document.
const profile = (overrides: Record<string, unknown> = {}) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/security/multikey/v1'],
  id: ISSUER,
  type: 'Profile',
  name: 'Example University',
  verificationMethod: [{ id: `${ISSUER}#${MB}`, type: 'Multikey', controller: ISSUER, publicKeyMultibase: MB }],
  assertionMethod: [`${ISSUER}#${MB}`],
  ...overrides,
});

describe('resolveHttpsKey: controller documents', () => {
  it('finds the key in the issuer profile fetched without the fragment', async () => {
    const { ctx, requests } = fakeWeb({ [ISSUER]: profile() });
    const key = await resolveHttpsKey(`${ISSUER}#${MB}`, ctx);
    expect(requests).toEqual([ISSUER]);
    expect(key).toMatchObject({ controller: ISSUER, source: 'https', relationships: { assertionMethod: true } });
  });

  it('treats an http issuer id as the same resource (fetched over https)', async () => {
    const httpIssuer = 'http://issuer.example/issuers/876543';
    const vm = { id: `${httpIssuer}#${MB}`, type: 'Multikey', controller: httpIssuer, publicKeyMultibase: MB };
    const { ctx, requests } = fakeWeb({ [ISSUER]: profile({ id: httpIssuer, verificationMethod: [vm], assertionMethod: [vm.id] }) });
    const key = await resolveHttpsKey(`${httpIssuer}#${MB}`, ctx);
    expect(requests).toEqual([ISSUER]);
    expect(key).toMatchObject({ id: vm.id, controller: httpIssuer, relationships: { assertionMethod: true } });
  });

  it('refuses a document that describes another URL', async () => {
    const { ctx } = fakeWeb({ [ISSUER]: profile({ id: 'https://issuer.example/issuers/other' }) });
    await expect(resolveHttpsKey(`${ISSUER}#${MB}`, ctx)).rejects.toMatchObject({ code: 'KEY_DID_DOCUMENT_MISMATCH' });
  });

  it('reports a key the profile lists outside assertionMethod as not an assertion key', async () => {
    const { ctx } = fakeWeb({ [ISSUER]: profile({ assertionMethod: [] }) });
    expect((await resolveHttpsKey(`${ISSUER}#${MB}`, ctx)).relationships.assertionMethod).toBe(false);
  });

  it('keeps fetch failures as could-not-check codes', async () => {
    const { ctx } = fakeWeb({});
    await expect(resolveHttpsKey(`${ISSUER}#${MB}`, ctx)).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS' });
  });
});

describe('resolveHttpsKey: standalone key documents', () => {
  const KEY_URL = 'https://issuer.example/keys/1';
  const keyDoc = { id: KEY_URL, type: 'Multikey', controller: ISSUER, publicKeyMultibase: MB };

  it('follows the key to its controller, which must list it back', async () => {
    const { ctx, requests } = fakeWeb({ [KEY_URL]: keyDoc, [ISSUER]: profile({ assertionMethod: [KEY_URL] }) });
    const key = await resolveHttpsKey(KEY_URL, ctx);
    expect(requests).toEqual([KEY_URL, ISSUER]);
    expect(key).toMatchObject({ id: KEY_URL, controller: ISSUER, relationships: { assertionMethod: true } });
  });

  it('a controller that does not list the key does not make it an assertion key', async () => {
    const { ctx } = fakeWeb({ [KEY_URL]: keyDoc, [ISSUER]: profile() });
    expect((await resolveHttpsKey(KEY_URL, ctx)).relationships.assertionMethod).toBe(false);
  });

  it('a key naming a controller on another origin is refused without fetching it', async () => {
    const { ctx, requests } = fakeWeb({ [KEY_URL]: { ...keyDoc, controller: 'https://university.example/issuer' } });
    await expect(resolveHttpsKey(KEY_URL, ctx)).rejects.toMatchObject({ code: 'KEY_NOT_BOUND_TO_ISSUER' });
    expect(requests).toEqual([KEY_URL]);
  });
});

const OB30 = fixturePath('1edtech-validator/ob30');

describe.skipIf(!existsSync(OB30))('1EdTech OB 3.0 fixtures with https verification methods (../shared/fixtures)', () => {
  it.each(['simple.json', 'simple_v1.json'])('%s: the key resolves and binds once the issuer profile lists it', async (file) => {
    const credential = JSON.parse(readFileSync(path.join(OB30, file), 'utf8'));
    const vm: string = [credential.proof].flat()[0].verificationMethod;
    const issuerId: string = credential.issuer.id ?? credential.issuer;
    const multibase = vm.slice(vm.indexOf('#') + 1);
    const issuerProfile = { id: issuerId, verificationMethod: [{ id: vm, type: 'Multikey', controller: issuerId, publicKeyMultibase: multibase }], assertionMethod: [vm] };
    const { ctx, requests } = fakeWeb({ [issuerId.replace(/^http:/, 'https:')]: issuerProfile });
    const key = await resolveHttpsKey(vm, ctx);
    expect(key.publicKeyJwk).toEqual(decodeMultikey(multibase));
    expect(checkKeyBinding(key, issuerId).status).toBe('pass');
    expect(requests).toHaveLength(1);
  });

  it('simple.json: the issuer URL does not resolve offline → a could-not-check fetch code, never a key', async () => {
    const credential = JSON.parse(readFileSync(path.join(OB30, 'simple.json'), 'utf8'));
    await expect(resolveHttpsKey([credential.proof].flat()[0].verificationMethod, fakeWeb().ctx)).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS' });
  });
});
