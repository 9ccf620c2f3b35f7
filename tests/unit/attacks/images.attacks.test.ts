/**
 * SECURITY.md attack table, baked-image rows 28–31, through verify() with the image
 * bytes as a page or a file drop would hand them over. PNGs are built with
 * tests/support/bake.ts; the credential inside is signed in the test.
 */
import { deflateSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chunk, concat, iTXt, makePng } from '../../support/bake';
import { newSigner, signCredential, unsignedCredential } from '../crypto/sign-helper';
import { expectCode, spyNet, verifyRow } from './harness';

const enc = new TextEncoder();
const svg = (inner: string, prolog = '') =>
  `${prolog}<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">${inner}</svg>`;
const XSS_NAME = '<img src=x onerror="globalThis.__credlensPwned=1"><script>globalThis.__credlensPwned=1</script>';

let credentialText: string;
beforeAll(async () => {
  const signer = await newSigner();
  const credential = await signCredential(unsignedCredential(signer.did, { name: XSS_NAME }), signer);
  credentialText = JSON.stringify(credential);
  expect((await verifyRow({ bytes: makePng(iTXt('openbadgecredential', credentialText)) }, spyNet().ctx)).verdict).toBe('verified');
});

/** Counts DecompressionStream instances created while a row runs ("nothing inflated"). */
function countInflates(): { count: () => number } {
  let created = 0;
  const Original = globalThis.DecompressionStream;
  vi.stubGlobal('DecompressionStream', class extends Original {
    constructor(format: CompressionFormat) {
      super(format);
      created++;
    }
  });
  return { count: () => created };
}
afterEach(() => vi.unstubAllGlobals());

describe('SECURITY.md attack table — baked images', () => {
  it('row 28: openbadgecredential iTXt with compression flag 1 (a zlib bomb) → IMAGE_COMPRESSED_ITXT, nothing inflated', async () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024)); // 64 MiB of zeros in ~64 KB
    expect(bomb.length).toBeLessThan(128 * 1024);
    const data = concat(enc.encode('openbadgecredential'), Uint8Array.of(0, 1, 0, 0, 0), bomb);
    const inflates = countInflates();
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ bytes: makePng(chunk('iTXt', data)) }, ctx, 2_000);
    expectCode(report, 'IMAGE_COMPRESSED_ITXT');
    expect(inflates.count()).toBe(0);
    expect(requests).toEqual([]);
    expect(report.verdict).not.toBe('verified');
  });

  it('row 28: a zTXt credential chunk (always compressed) is refused the same way', async () => {
    const data = concat(enc.encode('openbadges'), Uint8Array.of(0, 0), deflateSync(new Uint8Array(1024 * 1024)));
    const inflates = countInflates();
    const report = await verifyRow({ bytes: makePng(chunk('zTXt', data)) }, spyNet().ctx);
    expectCode(report, 'IMAGE_COMPRESSED_ITXT');
    expect(inflates.count()).toBe(0);
  });

  it('row 29: two openbadgecredential chunks → IMAGE_MALFORMED', async () => {
    const png = makePng(iTXt('openbadgecredential', credentialText), iTXt('openbadgecredential', credentialText));
    const report = await verifyRow({ bytes: png }, spyNet().ctx);
    expectCode(report, 'IMAGE_MALFORMED');
    expect(report.verdict).toBe('failed');
  });

  it.each([
    ['2^31', 2 ** 31],
    ['one byte beyond the file', 10_000],
  ])('row 29: a chunk length field of %s → IMAGE_MALFORMED, parsing stops', async (_name, lengthField) => {
    const lying = chunk('iTXt', concat(enc.encode('openbadgecredential'), Uint8Array.of(0, 0, 0, 0, 0), enc.encode('{}')), lengthField);
    const report = await verifyRow({ bytes: makePng(lying) }, spyNet().ctx);
    expectCode(report, 'IMAGE_MALFORMED');
    expect(report.verdict).toBe('failed');
  });

  it.each([
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'],
    ['an external entity', '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "https://evil.example/secret">]>'],
    ['a DOCTYPE with an external DTD', '<!DOCTYPE svg SYSTEM "https://evil.example/evil.dtd">'],
  ])('row 30: baked SVG with %s → IMAGE_SVG_DOCTYPE_REJECTED, no expansion, no fetch', async (_name, prolog) => {
    const text = svg(`<openbadges:credential><![CDATA[${credentialText}]]></openbadges:credential><text>&lol2;&xxe;</text>`, prolog);
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ bytes: enc.encode(text) }, ctx, 1_000);
    expectCode(report, 'IMAGE_SVG_DOCTYPE_REJECTED');
    expect(requests).toEqual([]);
    expect(report.verdict).not.toBe('verified');
  });

  it('row 31 (engine part): script/HTML in the SVG verify attribute is not run, not fetched and not verified', async () => {
    const text = svg('<openbadges:assertion verify="&lt;script&gt;globalThis.__credlensPwned=1&lt;/script&gt;"/>');
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ bytes: enc.encode(text) }, ctx);
    expect(report.verdict).not.toBe('verified');
    expect(requests).toEqual([]);
    expect((globalThis as { __credlensPwned?: number }).__credlensPwned).toBeUndefined();
  });

  it('row 31 (engine part): a credential name with <img onerror>/<script> is kept as the exact plain string', async () => {
    const report = await verifyRow({ bytes: enc.encode(svg(`<openbadges:credential><![CDATA[${credentialText}]]></openbadges:credential>`)) }, spyNet().ctx);
    expect(report.verdict).toBe('verified');
    expect(report.summary.title).toBe(XSS_NAME);
    expect((globalThis as { __credlensPwned?: number }).__credlensPwned).toBeUndefined();
  });
});
