/**
 * SECURITY.md attack table, status and validity rows 32–36, through verify(): a
 * credential signed in the test (eddsa-jcs-2022, did:key) whose
 * credentialStatus points at a Bitstring Status List served by a recording
 * fake network. A status that cannot be established is never `verified`.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../lib/report';
import { encodeStatusList } from '../../../lib/status/bitstring';
import { createTestIssuer, signJcs, type TestIssuer } from '../../support/sign-jcs';
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
