/**
 * SECURITY.md attack table, baked-image rows 28–31 and 49–52, through verify() with the image
 * bytes as a page or a file drop would hand them over. PNGs are built with
 * tests/support/bake.ts; the credential inside is signed in the test.
 */
import { deflateSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractFromSvg } from '../../../lib/engine/extract/svg';
import { LIMITS } from '../../../lib/engine/limits';
import { chunk, concat, iTXt, makePng, tEXt } from '../../support/bake';
import { newSigner, signCredential, unsignedCredential } from '../../support/sign-helper';
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

describe('SECURITY.md attack table — row 49: images are scanned in time linear in their size', () => {
  const MB = 1024 * 1024;
  /** Pathological SVG content: everything the scanner used to retry from each position, repeated to `bytes`. */
  const pathologicalSvg = (bytes: number) => {
    const unit = '<![CDATA[ <g xmlns:a="urn:a" x=\'>\'> &aaaaaaaa <!DOCTYPE';
    return svg(`<openbadges:credential>${unit.repeat(Math.ceil(bytes / unit.length))}</openbadges:credential>`);
  };
  const bodyOfOpeners = (bytes: number) => svg(`<openbadges:credential>${'<![CDATA[ '.repeat(Math.ceil(bytes / 10))}</openbadges:credential>`);
  const deepGroups = (bytes: number) => {
    const open = '<g xmlns:ob="urn:not-badges">';
    const n = Math.ceil(bytes / (open.length + 4));
    return svg(`${open.repeat(n)}${'</g>'.repeat(n)}<openbadges:credential><![CDATA[${credentialText}]]></openbadges:credential>`);
  };

  // Linearity itself is measured in tests/unit/engine/extract/svg.test.ts (16 times the input, side by side);
  // here the budget of SECURITY.md holds for the largest input verify() accepts.
  it('a 10 MB SVG is INPUT_TOO_LARGE at once; one just under the 4 MB input cap, of CDATA openers, tags, quotes, entities, DOCTYPE fragments, unclosed CDATA finishes within the budget', async () => {
    const tooBig = await verifyRow({ bytes: enc.encode(pathologicalSvg(10 * MB)) }, spyNet().ctx, 1_000);
    expectCode(tooBig, 'INPUT_TOO_LARGE');
    for (const make of [pathologicalSvg, bodyOfOpeners]) {
      const bytes = enc.encode(make(LIMITS.inputBytes - 64 * 1024));
      expect(bytes.length).toBeLessThanOrEqual(LIMITS.inputBytes);
      const report = await verifyRow({ bytes }, spyNet().ctx, 1_000);
      expect(report.verdict).not.toBe('verified');
    }
  });

  it('a credential behind 3 MB of nested groups is still found and verified, within the budget', async () => {
    const report = await verifyRow({ bytes: enc.encode(deepGroups(3 * MB)) }, spyNet().ctx, 1_000);
    expect(report.verdict).toBe('verified');
  });

  it('a 4 MB PNG of 300,000 empty chunks is read within the budget', async () => {
    const empty = chunk('abCd', new Uint8Array(0));
    const empties = new Uint8Array(empty.length * 300_000);
    for (let i = 0; i < 300_000; i++) empties.set(empty, i * empty.length);
    const png = makePng(empties, iTXt('openbadgecredential', credentialText));
    expect(png.length).toBeLessThanOrEqual(LIMITS.inputBytes);
    const report = await verifyRow({ bytes: png }, spyNet().ctx, 1_000);
    expect(report.verdict).toBe('verified');
  });
});

describe('SECURITY.md attack table — row 51: several credentials in one image', () => {
  it.each([
    ['an OB 2.0 openbadges and an OB 3.0 openbadgecredential iTXt chunk', () => makePng(iTXt('openbadges', credentialText), iTXt('openbadgecredential', credentialText))],
    ['the OB 3.0 chunk first, then an OB 2.0 one', () => makePng(iTXt('openbadgecredential', credentialText), iTXt('openbadges', '{"verify":{"url":"https://x.example/a"}}'))],
    ['a legacy tEXt hosted URL next to an OB 3.0 credential', () => makePng(tEXt('openbadges', 'https://x.example/a.json'), iTXt('openbadgecredential', credentialText))],
  ])('PNG with %s → IMAGE_MALFORMED, nothing fetched', async (_name, make) => {
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ bytes: make() }, ctx);
    expectCode(report, 'IMAGE_MALFORMED');
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });

  it.each([
    ['<openbadges:credential> twice', `<openbadges:credential><![CDATA[${'CRED'}]]></openbadges:credential><openbadges:credential><![CDATA[${'CRED'}]]></openbadges:credential>`],
    ['a credential and an assertion', `<openbadges:credential><![CDATA[${'CRED'}]]></openbadges:credential><openbadges:assertion verify="https://x.example/a.json"/>`],
    ['a second credential under another prefix', `<openbadges:credential><![CDATA[${'CRED'}]]></openbadges:credential><ob:credential xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><![CDATA[${'CRED'}]]></ob:credential>`],
  ])('SVG with %s → IMAGE_MALFORMED, nothing fetched', async (_name, inner) => {
    const { ctx, requests } = spyNet();
    const report = await verifyRow({ bytes: enc.encode(svg(inner.replaceAll('CRED', credentialText))) }, ctx);
    expectCode(report, 'IMAGE_MALFORMED');
    expect(report.verdict).toBe('failed');
    expect(requests).toEqual([]);
  });
});

describe('SECURITY.md attack table — row 52: an SVG binding the Open Badges namespace to another prefix is read', () => {
  it.each([
    ['xmlns:ob with <ob:credential>', `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential><![CDATA[CRED]]></ob:credential></svg>`],
    ['a default namespace on the element', `<svg xmlns="http://www.w3.org/2000/svg"><credential xmlns="https://purl.imsglobal.org/ob/v3p0"><![CDATA[CRED]]></credential></svg>`],
    ['the declaration on an enclosing group', `<svg xmlns="http://www.w3.org/2000/svg"><g xmlns:badge="https://purl.imsglobal.org/ob/v3p0"><badge:credential><![CDATA[CRED]]></badge:credential></g></svg>`],
  ])('%s → verified like the openbadges: spelling', async (_name, text) => {
    const report = await verifyRow({ bytes: enc.encode(text.replace('CRED', credentialText)) }, spyNet().ctx);
    expect(report.container).toBe('svg');
    expect(report.verdict).toBe('verified');
  });

  it('an element named credential in another namespace is not a credential, whatever its prefix', async () => {
    const text = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://evil.example/ns"><openbadges:credential><![CDATA[${credentialText}]]></openbadges:credential></svg>`;
    const report = await verifyRow({ bytes: enc.encode(text) }, spyNet().ctx);
    expectCode(report, 'IMAGE_NO_CREDENTIAL');
    expect(report.verdict).toBe('unverifiable');
  });
});
