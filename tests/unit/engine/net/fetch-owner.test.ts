/**
 * SECURITY.md network policy: one module owns fetch. Every network request of
 * the engine and the extension pages goes through lib/engine/net/safe-fetch.ts, so
 * its rules (https only, host policy, no cookies, redirects refused, caps)
 * cannot be skipped by a file that calls the browser's fetch itself. Also the
 * two page fetches it owns: the tab's PDF and the extension's own files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PAGE_FETCH } from '../../../../lib/engine/limits';
import { fetchOwnResource, fetchTabPdf } from '../../../../lib/engine/net/safe-fetch';
import { MAX_PDF_BYTES } from '../../../../lib/pdf/read';
import { REPO_ROOT } from '../../../support/fixtures';
import { codeOf } from '../../../support/codes';
import { recorder } from '../../../support/net';

const ROOT = REPO_ROOT;
const OWNER = 'lib/engine/net/safe-fetch.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const GLOBALS = new Set(['globalThis', 'window', 'self']);
const OTHER_NETWORK_CONSTRUCTORS = new Set(['XMLHttpRequest', 'WebSocket', 'EventSource']);

/**
 * The rule, read from the syntax tree (so comments and strings never count):
 * - a call of the bare identifier `fetch(…)` is the global fetch. A method call
 *   `x.fetch(…)` is not: that is an injected fetcher (`ctx.fetch(url, purpose)`),
 *   which is itself made by safe-fetch;
 * - except on the global object: `globalThis.fetch`, `window.fetch`, `self.fetch`
 *   (called or passed on) and `globalThis['fetch']` are the global fetch too;
 * - `new XMLHttpRequest`, `new WebSocket`, `new EventSource` and
 *   `navigator.sendBeacon` are network requests by other means.
 * Returns `line: text` for each finding in `file`.
 */
function networkCalls(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${line + 1}: ${node.getText(source).slice(0, 80)}`);
  };
  const isGlobal = (e: ts.Expression) => ts.isIdentifier(e) && GLOBALS.has(e.text);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fetch') report(node);
    else if (ts.isPropertyAccessExpression(node) && node.name.text === 'fetch' && isGlobal(node.expression)) report(node);
    else if (ts.isElementAccessExpression(node) && isGlobal(node.expression) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'fetch') report(node);
    else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && OTHER_NETWORK_CONSTRUCTORS.has(node.expression.text)) report(node);
    else if (ts.isPropertyAccessExpression(node) && node.name.text === 'sendBeacon') report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('one module owns fetch', () => {
  const files = ['lib', 'entrypoints', 'components'].flatMap(sourceFiles);

  it('walks the engine, the entrypoints and the components', () => {
    expect(files).toContain(OWNER);
    expect(files).toContain('lib/extension/locale.ts');
    expect(files).toContain('entrypoints/verify/pdf-from-tab.ts');
    expect(files.length).toBeGreaterThan(100);
  });

  it('no file but lib/engine/net/safe-fetch.ts makes a network request of its own', () => {
    const offenders = files.filter((f) => f !== OWNER).flatMap((f) => networkCalls(f, readFileSync(path.join(ROOT, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(offenders).toEqual([]);
  });

  it('lib/engine/net/safe-fetch.ts does call fetch, exactly once (guards the rule against matching nothing)', () => {
    expect(networkCalls(OWNER, readFileSync(path.join(ROOT, OWNER), 'utf8'))).toHaveLength(1);
  });

  it.each([
    ['a bare call', 'const r = await fetch(url);', 1],
    ['the global object', 'const f = globalThis.fetch; window.fetch(u); self["fetch"](u);', 3],
    ['other network APIs', 'new XMLHttpRequest(); new WebSocket(u); navigator.sendBeacon(u, b);', 3],
    ['an injected fetcher', 'await ctx.fetch(url, "did-document"); this.fetch(u);', 0],
    ['comments and strings', '// fetch(url)\n/* window.fetch(u) */ const s = "fetch(x)"; const t = `new WebSocket(u)`;', 0],
    ['a key or a local name', 'const o = { fetch: createFetcher(x) }; const fetchTabPdf = (u: string) => u;', 0],
  ])('the rule on %s', (_name, code, hits) => {
    expect(networkCalls('example.ts', code)).toHaveLength(hits);
  });
});

/** A transport that records what it was asked and answers with `respond`. */
describe('fetchTabPdf: the PDF the user has open in a tab', () => {
  const PDF = 'https://hr.example/cv/grace.pdf';

  it('sends the tab\'s cookies to the address it shows, refuses redirects, sends no referrer', async () => {
    const { calls, transport } = recorder(() => new Response('%PDF-1.7'));
    expect(new TextDecoder().decode(await fetchTabPdf(PDF, { transport }))).toBe('%PDF-1.7');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(PDF);
    expect(calls[0]!.init).toMatchObject({ method: 'GET', credentials: 'include', redirect: 'manual', referrerPolicy: 'no-referrer' });
  });

  it('a redirect is FETCH_REDIRECT_BLOCKED: the cookies never follow it elsewhere', async () => {
    const { calls, transport } = recorder(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } }));
    expect(await codeOf(fetchTabPdf(PDF, { transport }))).toBe('FETCH_REDIRECT_BLOCKED');
    expect(calls.map((c) => c.url)).toEqual([PDF]);
  });

  it.each([
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:application/pdf;base64,JVBER'],
    ['user and password in the URL', 'https://user:pw@hr.example/cv.pdf'],
    ['not a URL', 'grace.pdf'],
  ])('%s is FETCH_URL_REJECTED before any request', async (_name, url) => {
    const { calls, transport } = recorder(() => new Response('%PDF'));
    expect(await codeOf(fetchTabPdf(url, { transport }))).toBe('FETCH_URL_REJECTED');
    expect(calls).toEqual([]);
  });

  it('file: and intranet addresses the user has open are read (the host policy is for addresses a credential names)', async () => {
    const { calls, transport } = recorder(() => new Response('%PDF'));
    await fetchTabPdf('file:///home/grace/cv.pdf', { transport });
    await fetchTabPdf('http://intranet.local/cv.pdf', { transport });
    expect(calls.map((c) => c.url)).toEqual(['file:///home/grace/cv.pdf', 'http://intranet.local/cv.pdf']);
  });

  it('a body above the PDF reader\'s cap is FETCH_TOO_LARGE, an error status FETCH_HTTP_STATUS', async () => {
    expect(PAGE_FETCH['tab-pdf'].bytes).toBe(MAX_PDF_BYTES);
    const huge = recorder(() => new Response(new Uint8Array(16), { headers: { 'content-length': String(MAX_PDF_BYTES + 1) } }));
    expect(await codeOf(fetchTabPdf(PDF, { transport: huge.transport }))).toBe('FETCH_TOO_LARGE');
    const gone = recorder(() => new Response('no', { status: 403 }));
    expect(await codeOf(fetchTabPdf(PDF, { transport: gone.transport }))).toBe('FETCH_HTTP_STATUS');
  });
});

describe('fetchOwnResource: the extension\'s own packaged files', () => {
  const ROOT_URL = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
  const MESSAGES = `${ROOT_URL}_locales/de/messages.json`;

  it('reads a file under the extension root, without cookies', async () => {
    const { calls, transport } = recorder(() => new Response('{"a":{"message":"b"}}'));
    expect(new TextDecoder().decode(await fetchOwnResource(MESSAGES, ROOT_URL, { transport }))).toBe('{"a":{"message":"b"}}');
    expect(calls[0]!.init).toMatchObject({ credentials: 'omit', redirect: 'manual' });
    const firefox = recorder(() => new Response('{}'));
    await fetchOwnResource('moz-extension://0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d/_locales/fr/messages.json', 'moz-extension://0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d/', { transport: firefox.transport });
    expect(firefox.calls).toHaveLength(1);
  });

  it.each([
    ['a web page', 'https://evil.example/_locales/de/messages.json', ROOT_URL],
    ['another extension', 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/_locales/de/messages.json', ROOT_URL],
    ['a root that is a web origin', 'https://evil.example/x.json', 'https://evil.example/'],
    ['a root that is not the extension root', `${ROOT_URL}_locales/de/messages.json`, `${ROOT_URL}_locales/`],
    ['a file: URL', 'file:///etc/passwd', ROOT_URL],
  ])('%s is FETCH_URL_REJECTED, nothing fetched', async (_name, url, root) => {
    const { calls, transport } = recorder(() => new Response('{}'));
    expect(await codeOf(fetchOwnResource(url, root, { transport }))).toBe('FETCH_URL_REJECTED');
    expect(calls).toEqual([]);
  });
});
