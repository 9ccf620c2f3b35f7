/**
 * Property-based fuzzing of every parser and boundary (SECURITY.md attack
 * table: every input must finish without an uncaught exception and within its
 * time budget):
 * verify() on text and bytes, compact JWS, the PNG chunk reader, the SVG
 * scanner, status-list decoding, the host policy and capped JSON. Each
 * property also states what a correct answer looks like, not only "no throw".
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { createContext } from '../../lib/engine/context';
import { extractFromPng } from '../../lib/engine/extract/png';
import { extractFromSvg } from '../../lib/engine/extract/svg';
import { isNonPublicHost, vetUrl } from '../../lib/engine/net/host-policy';
import { decodeStatusList, parseStatusIndex } from '../../lib/engine/status/bitstring';
import { parseJsonCapped } from '../../lib/engine/util/json';
import { chunk, concat, makePng } from '../support/bake';
import { assertProperty, expectOnlyVerifierErrors, expectOnlyVerifierErrorsAsync, stopwatch, verifyChecked, type FuzzProperty } from './common';
import { credentialShaped, jwsShaped, privateIpv4Spellings, svgText, urlText } from './arbitraries';

const offline = () => createContext({ now: () => Date.parse('2026-06-01T00:00:00Z'), transport: async () => new Response('', { status: 404 }) });
const enc = new TextEncoder();

/** verify() must resolve with a sane report; `mustNotVerify` adds "never verified" for inputs that cannot be genuine. */
function verifyProperty(name: string, arb: fc.Arbitrary<{ text: string } | { bytes: Uint8Array }>, mustNotVerify: boolean, weight = 1): FuzzProperty {
  return {
    name,
    weight,
    async run(options) {
      const sw = stopwatch(name, options);
      await assertProperty(arb, async (input) => {
        const report = await sw.time(() => verifyChecked(input, offline()));
        if (mustNotVerify && report.verdict === 'verified') throw new Error(`forged input verified: ${JSON.stringify(input).slice(0, 300)}`);
      }, options);
      return sw.stats;
    },
  };
}

/** A synchronous or async parser whose only allowed failure is a VerifierError with an allowed code. */
function parserProperty<T>(name: string, arb: fc.Arbitrary<T>, parse: (v: T) => unknown, allowed: (code: string) => boolean, weight = 1): FuzzProperty {
  return {
    name,
    weight,
    async run(options) {
      const sw = stopwatch(name, options);
      await assertProperty(arb, async (v) => void (await sw.time(() => expectOnlyVerifierErrorsAsync(async () => parse(v), allowed))), options);
      return sw.stats;
    },
  };
}

const pngArb = fc
  .array(
    fc.record({
      type: fc.constantFrom('iTXt', 'tEXt', 'zTXt', 'IHDR', 'IDAT', 'IEND', 'abcd'),
      keyword: fc.constantFrom('openbadgecredential', 'openbadges', 'Comment', ''),
      flags: fc.uint8Array({ minLength: 0, maxLength: 5 }),
      body: fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 300 }).map((s) => enc.encode(s))),
      lie: fc.option(fc.oneof(fc.nat(), fc.constant(2 ** 31), fc.constant(0xffffffff)), { freq: 4 }),
    }),
    { maxLength: 5 },
  )
  .chain((chunks) => fc.tuple(fc.constant(chunks), fc.nat({ max: 64 }), fc.boolean()))
  .map(([chunks, cut, truncate]) => {
    const parts = chunks.map((c) => {
      const data = concat(enc.encode(c.keyword), Uint8Array.of(0), c.flags, c.body);
      return c.lie === null ? chunk(c.type, data) : chunk(c.type, data, c.lie);
    });
    const png = makePng(...parts);
    return truncate ? png.subarray(0, Math.max(8, png.length - cut)) : png;
  });

const encodedListArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => 'u' + Buffer.from(b).toString('base64url')),
  fc.tuple(fc.nat({ max: 200_000 }), fc.nat({ max: 40 }), fc.boolean()).map(([size, cut, prefix]) => {
    const gz = gzipSync(new Uint8Array(size));
    const bytes = cut ? gz.subarray(0, Math.max(2, gz.length - cut)) : gz;
    return (prefix ? 'u' : '') + Buffer.from(bytes).toString('base64url');
  }),
);
const STATUS_CAP = 64 * 1024;

/** Deepest bracket nesting of a text without strings. */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const c of text) {
    depth += c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0;
    max = Math.max(max, depth);
  }
  return max;
}

export const BOUNDARY_PROPERTIES: FuzzProperty[] = [
  verifyProperty('verify(text): arbitrary strings and JSON', fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 }), fc.json({ depthSize: 'medium' })).map((text) => ({ text })), false),
  verifyProperty('verify(text): credential-shaped JSON with forged proofs', credentialShaped.map((v) => ({ text: JSON.stringify(v) })), true, 0.5),
  verifyProperty('verify(bytes): arbitrary bytes, PNG- and SVG-prefixed', fc.oneof(fc.uint8Array({ maxLength: 2048 }), pngArb, svgText.map((s) => enc.encode(s))).map((bytes) => ({ bytes })), false),
  verifyProperty('verify(text): compact JWS with any header, payload and signature', jwsShaped.map((text) => ({ text })), true, 0.5),
  parserProperty('extractFromPng: chunk reader', pngArb, (b) => {
    const text = extractFromPng(b);
    if (typeof text !== 'string' || text.length > b.length) throw new Error('extracted more than the file holds');
  }, (code) => code.startsWith('IMAGE_') || code.startsWith('INPUT_')),
  parserProperty('extractFromSvg: bounded scanner', svgText, (s) => {
    const text = extractFromSvg(s);
    if (typeof text !== 'string' || text.length > s.length) throw new Error('extracted more than the file holds');
  }, (code) => code.startsWith('IMAGE_')),
  parserProperty('status list: decodeStatusList (capped inflate) and parseStatusIndex', fc.tuple(encodedListArb, fc.anything()), async ([list, index]) => {
    expectOnlyVerifierErrors(() => {
      const n = parseStatusIndex(index);
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`index ${n} accepted`);
    }, (code) => code === 'STATUS_RANGE');
    const bits = await decodeStatusList(list, STATUS_CAP);
    if (bits.length > STATUS_CAP) throw new Error('inflated past the cap');
  }, (code) => code === 'STATUS_VERIFICATION_ERROR' || code === 'STATUS_LIST_TOO_LARGE', 0.5),
  parserProperty('vetUrl: host policy', urlText, (raw) => {
    const url = vetUrl(raw, { allowHosts: new Set() });
    if (url.protocol !== 'https:' || url.username || url.password || url.port !== '' || url.hash !== '' || isNonPublicHost(url.hostname))
      throw new Error(`accepted ${raw} as ${url.href}`);
  }, (code) => code === 'FETCH_URL_REJECTED' || code === 'FETCH_PRIVATE_ADDRESS'),
  parserProperty('vetUrl: every spelling of a private IPv4 address is refused', privateIpv4Spellings, (raw) => {
    vetUrl(raw, { allowHosts: new Set() });
    throw new Error(`private address accepted: ${raw}`);
  }, (code) => code === 'FETCH_PRIVATE_ADDRESS' || code === 'FETCH_URL_REJECTED'),
  parserProperty('parseJsonCapped: caps, and agreement with JSON.parse under them', fc.oneof(fc.string({ maxLength: 500 }), fc.json(), fc.nat({ max: 200 }).map((d) => '['.repeat(d) + ']'.repeat(d))), (text) => {
    const value = parseJsonCapped(text);
    if (JSON.stringify(value) !== JSON.stringify(JSON.parse(text))) throw new Error('disagrees with JSON.parse');
    if (!text.includes('"') && bracketDepth(text) > 64) throw new Error(`depth ${bracketDepth(text)} accepted`);
  }, (code) => code === 'INPUT_UNPARSEABLE' || code === 'INPUT_TOO_DEEP' || code === 'INPUT_TOO_LARGE'),
];
