/**
 * SECURITY.md attack table, status and validity rows 32–36, 44 and 45, through
 * verify(): a credential signed in the test (eddsa-jcs-2022, did:key; rows 44–45
 * with the Digital Bazaar libraries, eddsa-rdfc-2022) whose credentialStatus
 * points at a Bitstring Status List served by a recording fake network. A
 * status that cannot be established is never `verified`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/engine/report';
import { encodeStatusList } from '../../../lib/engine/status/bitstring';
import { createTestIssuer, signJcs, type TestIssuer } from '../../support/sign-jcs';
import { thirdPartyIssuer, type ThirdPartyIssuer } from '../../support/third-party-signing';
import { expectCode, spyNet, verifyJson, type Route } from './harness';

const LIST_URL = 'https://status.example/lists/1';
const V2 = 'https://www.w3.org/ns/credentials/v2';

const entry = (index: unknown, purpose = 'revocation') => ({
  id: `${LIST_URL}#${typeof index === 'object' ? 'x' : String(index)}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: purpose,
  statusListIndex: index,
  statusListCredential: LIST_URL,
});

function credential(issuer: TestIssuer, extra: Record<string, unknown> = {}) {
  return signJcs(
    {
      '@context': [V2],
      id: 'urn:uuid:5b1e1f3a-7a43-4f0e-9d1b-7c2a3e4f5a61',
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner', name: 'Example Learner' },
      ...extra,
    },
    issuer,
  );
}

interface ListOptions { purpose?: string; encodedList?: string; claimedIssuer?: string; unsigned?: boolean }

async function statusList(signer: TestIssuer, revoked: number[], o: ListOptions = {}): Promise<string> {
  const list = {
    '@context': [V2],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: o.claimedIssuer ?? signer.did,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: o.purpose ?? 'revocation', encodedList: o.encodedList ?? (await encodeStatusList(revoked)) },
  };
  return JSON.stringify(o.unsigned ? list : await signJcs(list, signer));
}

const statusOf = (r: Report) => r.checks.find((c) => c.id === 'status');
const proofPassed = (r: Report) => r.checks.find((c) => c.id === 'proof')?.status === 'pass';

describe('SECURITY.md attack table — status lists and validity', () => {
  it('control: a listed but not revoked credential is verified', async () => {
    const issuer = createTestIssuer();
    const { ctx, requests } = spyNet({ [LIST_URL]: await statusList(issuer, [7]) });
    const report = await verifyJson(await credential(issuer, { credentialStatus: entry(3) }), ctx);
    expect(report.verdict).toBe('verified');
    expect(requests).toEqual([LIST_URL]);
  });

  it('row 32: an encodedList that inflates beyond 16 MB → STATUS_LIST_TOO_LARGE, unverifiable, other checks kept', async () => {
    const issuer = createTestIssuer();
    const bomb = await encodeStatusList([], 17 * 1024 * 1024 * 8);
    expect(bomb.length).toBeLessThan(64 * 1024); // a few KB on the wire
    const { ctx } = spyNet({ [LIST_URL]: await statusList(issuer, [], { encodedList: bomb }) });
    const report = await verifyJson(await credential(issuer, { credentialStatus: entry(1) }), ctx);
    expectCode(report, 'STATUS_LIST_TOO_LARGE');
    expect(report.verdict).toBe('unverifiable');
    expect(proofPassed(report)).toBe(true);
  });

  it.each([
    ['negative', -1],
    ['a negative string', '-1'],
    ['a non-integer string', '2.5'],
    ['not a number', 'x'],
    ['≥ the list length', 131_072],
    ['an object whose toString is not a function', { toString: 'x' }],
  ])('row 33: statusListIndex %s → STATUS_RANGE, never verified', async (_name, index) => {
    const issuer = createTestIssuer();
    const { ctx } = spyNet({ [LIST_URL]: await statusList(issuer, [1]) });
    const report = await verifyJson(await credential(issuer, { credentialStatus: entry(index) }), ctx);
    expect(statusOf(report)).toMatchObject({ code: 'STATUS_RANGE' });
    expect(report.verdict).not.toBe('verified');
  });

  it('row 34: a list signed by another key, an unsigned list, or one with the wrong statusPurpose → STATUS_VERIFICATION_ERROR', async () => {
    const issuer = createTestIssuer();
    const stranger = createTestIssuer();
    const served: [string, string][] = [
      ['signed by another key', await statusList(stranger, [], { claimedIssuer: issuer.did })],
      ['unsigned', await statusList(issuer, [], { unsigned: true })],
      ['wrong statusPurpose', await statusList(issuer, [], { purpose: 'suspension' })],
      ['changed after signing', (await statusList(issuer, [5])).replace(/"encodedList":"[^"]+"/, `"encodedList":"${await encodeStatusList([])}"`)],
    ];
    const cred = await credential(issuer, { credentialStatus: entry(5) });
    for (const [name, body] of served) {
      const report = await verifyJson(cred, spyNet({ [LIST_URL]: body }).ctx);
      expect(statusOf(report), name).toMatchObject({ status: 'error', code: 'STATUS_VERIFICATION_ERROR' });
      expect(report.verdict, name).toBe('unverifiable');
    }
  });

  it.each<[string, Route | undefined]>([
    ['404', undefined],
    ['a network error', () => Promise.reject(new TypeError('fetch failed'))],
    ['a 500', () => new Response('oops', { status: 500 })],
  ])('row 35: a status list that is unreachable (%s) → STATUS_RETRIEVAL_ERROR, "signature valid, status unknown", never verified', async (_name, route) => {
    const issuer = createTestIssuer();
    const { ctx, requests } = spyNet(route ? { [LIST_URL]: route } : {});
    const report = await verifyJson(await credential(issuer, { credentialStatus: entry(1) }), ctx);
    expectCode(report, 'STATUS_RETRIEVAL_ERROR');
    expect(proofPassed(report)).toBe(true);
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([LIST_URL]);
  });

  it('row 36: expired, not yet valid and revoked are told apart (the 1EdTech displayer trio)', async () => {
    const issuer = createTestIssuer();
    const net = () => spyNet({ [LIST_URL]: statusBody });
    const statusBody = await statusList(issuer, [9]);
    const expired = await verifyJson(await credential(issuer, { validUntil: '2026-01-01T00:00:00Z' }), net().ctx);
    const notYet = await verifyJson(await credential(issuer, { validFrom: '2027-01-01T00:00:00Z' }), net().ctx);
    const revoked = await verifyJson(await credential(issuer, { credentialStatus: entry(9) }), net().ctx);
    expectCode(expired, 'CRED_EXPIRED');
    expectCode(notYet, 'CRED_NOT_YET_VALID');
    expectCode(revoked, 'CRED_REVOKED');
    expect([expired.verdict, notYet.verdict, revoked.verdict]).toEqual(['expired', 'failed', 'revoked']);
    for (const r of [expired, notYet, revoked]) expect(proofPassed(r)).toBe(true);
  });
});

describe('SECURITY.md attack table — rows 44–45: a status list speaks only for its own address and its own issuer', () => {
  const REVOKED_INDEX = 7;
  let university: ThirdPartyIssuer;
  let forger: ThirdPartyIssuer;
  let revokedCredential: Record<string, unknown>;
  beforeAll(async () => {
    university = await thirdPartyIssuer();
    forger = await thirdPartyIssuer();
    revokedCredential = await university.sign({
      '@context': [V2],
      id: 'urn:uuid:0c3b4f0e-6d1a-4f57-9a0e-2b7f7c1d5e90',
      type: ['VerifiableCredential'],
      issuer: university.did,
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner', name: 'Example Learner' },
      credentialStatus: entry(REVOKED_INDEX),
    });
  });

  interface ThirdPartyList { revoked?: number[]; id?: string; type?: string[]; purpose?: string; validFrom?: string; validUntil?: string; extra?: Record<string, unknown> }
  const listBy = async (signer: ThirdPartyIssuer, o: ThirdPartyList = {}) =>
    signer.sign({
      '@context': [V2],
      id: o.id ?? LIST_URL,
      type: o.type ?? ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: signer.did,
      validFrom: o.validFrom ?? '2025-01-01T00:00:00Z',
      ...(o.validUntil ? { validUntil: o.validUntil } : {}),
      credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: o.purpose ?? 'revocation', encodedList: await encodeStatusList(o.revoked ?? [REVOKED_INDEX]) },
      ...o.extra,
    });
  const untrusted = async (list: unknown, reason: RegExp) => {
    const { ctx, requests } = spyNet({ [LIST_URL]: list });
    const report = await verifyJson(revokedCredential, ctx);
    expect(statusOf(report)).toMatchObject({ status: 'error', code: 'STATUS_VERIFICATION_ERROR' });
    expect(String(statusOf(report)?.detail?.reason)).toMatch(reason);
    expect(proofPassed(report)).toBe(true);
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([LIST_URL]);
  };

  it('control: the issuer\'s own list revokes the credential', async () => {
    const report = await verifyJson(revokedCredential, spyNet({ [LIST_URL]: await listBy(university) }).ctx);
    expectCode(report, 'CRED_REVOKED');
    expect(report.verdict).toBe('revoked');
  });

  it('row 45: the list replaced by one a forger signed with their own did:key, saying "not revoked" → STATUS_VERIFICATION_ERROR, never verified', async () => {
    const forged = await listBy(forger, { revoked: [] });
    // the forged list is a perfectly valid credential of its own
    expect((await verifyJson(forged, spyNet().ctx)).verdict).toBe('verified');
    await untrusted(forged, new RegExp(`^the list was issued by ${forger.did}, not by the credential's issuer$`));
  });

  it('row 44: the issuer\'s list for another address, served at this one → STATUS_VERIFICATION_ERROR', async () => {
    await untrusted(await listBy(university, { id: 'https://status.example/lists/2', revoked: [] }), /^the list names another address \(https:\/\/status\.example\/lists\/2\)$/);
  });

  it.each<[string, ThirdPartyList, RegExp]>([
    ['expired', { validUntil: '2026-01-01T00:00:00Z' }, /expired/],
    ['not yet valid', { validFrom: '2027-01-01T00:00:00Z' }, /CRED_NOT_YET_VALID/],
    ['for suspension', { purpose: 'suspension' }, /not revocation/],
    ['of another type (no BitstringStatusListCredential)', { type: ['VerifiableCredential'] }, /not a BitstringStatusListCredential/],
    ['itself carrying a status', { extra: { credentialStatus: { ...entry(1), statusListCredential: 'https://status.example/lists/9' } } }, /could not be verified/],
  ])('row 45: a list of the issuer that is %s is not evidence → STATUS_VERIFICATION_ERROR', async (_name, o, reason) => {
    await untrusted(await listBy(university, { ...o, revoked: [] }), reason);
  });
});
