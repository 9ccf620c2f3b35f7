/**
 * COSE recognition (lib/engine/formats/cose.ts): CBOR credentials are named
 * and answered "could not be checked", as bytes, as base64 or hex text and as
 * data: URLs; JSON and JWTs are never taken for COSE.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeCose, looksLikeCoseText } from '../../../../lib/engine/formats/cose';
import { fromBase64 } from '../../../../lib/engine/util/bytes';
import { repoPath } from '../../../support/fixtures';
import { spyNet, verifyRow } from '../../attacks/harness';

const suiteInput = (file: string) => readFileSync(repoPath(`tests/vectors/w3c-vc-jose-cose/input/${file}`), 'utf8').trim();
const cose = suiteInput('credential-cose-minimal.txt');

describe('recognising COSE', () => {
  it('the W3C suite COSE_Sign1 (tag 18) as bytes, base64 and hex', () => {
    const bytes = fromBase64(cose)!;
    expect(bytes[0]).toBe(0xd2);
    expect(looksLikeCose(bytes)).toBe(true);
    expect(looksLikeCoseText(cose)).toBe(true);
    expect(looksLikeCoseText(suiteInput('credential-cose-minimal-not-base64.txt'))).toBe(true);
    expect(looksLikeCose(bytes.subarray(1))).toBe(true); // untagged COSE_Sign1: an array of four, a byte-string header first
  });

  it.each([
    ['JSON', '{"@context":["https://www.w3.org/ns/credentials/v2"]}'],
    ['a compact JWS', 'eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln'],
    ['a word', 'credential'],
    ['hex of something else', 'a1b2c3d4e5f60718'],
  ])('%s is not COSE', (_, text) => {
    expect(looksLikeCoseText(text)).toBe(false);
  });
});

describe('COSE through verify(): COSE_UNSUPPORTED, unverifiable, never failed', () => {
  it.each([
    ['binary bytes', { bytes: fromBase64(cose)! }],
    ['base64 text', { text: cose }],
    ['a data: URL', { text: `data:application/vc+cose;base64,${cose}` }],
    ['an envelope', { text: JSON.stringify({ '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vc+cose;base64,${cose}`, type: 'EnvelopedVerifiableCredential' }) }],
  ])('%s', async (_, input) => {
    const { ctx, requests } = spyNet();
    const report = await verifyRow(input, ctx);
    expect(report.checks[0]).toMatchObject({ status: 'error', code: 'COSE_UNSUPPORTED' });
    expect(report.verdict).toBe('unverifiable');
    expect(requests).toEqual([]);
  });
});
