/**
 * The MV3 rules `npm run lint:store` holds the built Chrome package to
 * (tests/store/manifest-rules.ts), on the manifest wxt.config.ts writes with
 * the real icons and locales, and on manifests broken one rule at a time;
 * the linter warnings SECURITY.md explains; and the build-time patches that
 * keep eval out of the packages (wxt.config.ts STORE_PATCHES).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { applyStorePatches, OWN_CHUNKS } from '../../../wxt.config';
import { PLATFORM_CONTENT_SCRIPT_MATCHES } from '../../../lib/detect/platforms';
import { checkMv3Manifest, pngSize, type PackageFiles } from '../../store/manifest-rules';
import { EXPLAINED_WARNINGS, sortWarnings } from '../../store/lint-store';
import { repoPath } from '../../support/fixtures';

type Json = Record<string, unknown>;

/** public/ as WXT copies it into the package, plus the files WXT writes for the entrypoints. */
function packageFiles(extra: Record<string, string | Uint8Array> = {}): PackageFiles & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, new Uint8Array(readFileSync(full)));
    }
  };
  walk(repoPath('public'), '');
  const built = { 'background.js': 'self;', 'popup.html': '<script type="module" src="/chunks/popup.js"></script>', 'options.html': '', 'content-scripts/content.js': '', ...extra };
  for (const [name, content] of Object.entries(built)) files.set(name, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return { files, read: (p) => files.get(p), list: () => [...files.keys()] };
}

/** The Chrome manifest: what wxt.config.ts writes, and what WXT adds from the entrypoints. */
async function chromeManifest(): Promise<Json> {
  const write = config.manifest as (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Json | Promise<Json>;
  const own = await write({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
  return {
    manifest_version: 3,
    version: '0.1.0',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...own,
    background: { service_worker: 'background.js' },
    action: { default_title: 'Credlens', default_popup: 'popup.html' },
    options_ui: { open_in_tab: true, page: 'options.html' },
    content_scripts: [{ matches: ['https://*.linkedin.com/*', ...PLATFORM_CONTENT_SCRIPT_MATCHES], js: ['content-scripts/content.js'] }],
  };
}

/** A PNG of the given size: its signature and IHDR chunk are all the size reader needs. */
function pngOf(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

describe('checkMv3Manifest', () => {
  it('reads the size of the real icons', () => {
    expect(pngSize(new Uint8Array(readFileSync(repoPath('public/icon/48.png'))))).toEqual({ width: 48, height: 48 });
    expect(pngSize(new TextEncoder().encode('<svg/>'))).toBeUndefined();
  });

  it('passes the manifest wxt.config.ts writes, with the real icons and locales', async () => {
    const manifest = await chromeManifest();
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(checkMv3Manifest(manifest, packageFiles())).toEqual([]);
  });

  const broken: Array<[string, (m: Json) => Json, string]> = [
    ['an MV2 manifest', (m) => ({ ...m, manifest_version: 2 }), 'manifest_version is 2, not 3'],
    ['a background page', (m) => ({ ...m, background: { scripts: ['background.js'] } }), 'background.service_worker is missing'],
    ['eval allowed', (m) => ({ ...m, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'; object-src 'self'" } }), "content_security_policy.extension_pages weakens script-src with 'unsafe-eval'"],
    ['remote script source', (m) => ({ ...m, content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } }), 'content_security_policy.extension_pages weakens script-src with https://cdn.example'],
    ['an MV2 string CSP', (m) => ({ ...m, content_security_policy: "script-src 'self'" }), 'content_security_policy must be an object in MV3'],
    ['a permission off the list', (m) => ({ ...m, permissions: [...(m.permissions as string[]), 'tabs'] }), 'permission tabs is not on the allow-list'],
    ['host access at install', (m) => ({ ...m, host_permissions: ['<all_urls>'] }), 'host permission <all_urls> is asked for at install without a reason'],
    ['an unexplained optional host', (m) => ({ ...m, optional_host_permissions: ['http://*/*'] }), 'optional host permission http://*/* has no reason'],
    ['a content script on every page', (m) => ({ ...m, content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/content.js'] }] }), 'content script matches <all_urls>: only named https sites are scanned at install'],
    ['a remote content script', (m) => ({ ...m, content_scripts: [{ matches: ['https://www.credly.com/*'], js: ['https://cdn.example/x.js'] }] }), 'https://cdn.example/x.js is remote code'],
    ['a missing icon size', (m) => ({ ...m, icons: { ...(m.icons as Json), 32: undefined } }), 'icons.32 is missing'],
    ['an icon of the wrong size', (m) => ({ ...m, icons: { ...(m.icons as Json), 48: 'icon/128.png' } }), 'icons.48 (icon/128.png) is 128×128'],
    ['no default locale', (m) => ({ ...m, default_locale: undefined }), '_locales exists but default_locale is missing'],
    ['an undefined message', (m) => ({ ...m, description: '__MSG_noSuchMessage__' }), '__MSG_noSuchMessage__ is not defined in _locales/en/messages.json'],
    ['a long name', (m) => ({ ...m, name: 'Credlens '.repeat(10) }), 'name is longer than 75 characters (en)'],
    ['a long description', (m) => ({ ...m, description: 'x'.repeat(133) }), 'description is longer than 132 characters (en)'],
    ['no popup', (m) => ({ ...m, action: { default_title: 'Credlens' } }), 'action.default_popup is missing'],
    ['a popup outside the package', (m) => ({ ...m, action: { default_popup: 'missing.html' } }), 'action.default_popup missing.html is not in the package'],
  ];

  it.each(broken)('names the problem: %s', async (_, breakIt, problem) => {
    expect(checkMv3Manifest(breakIt(await chromeManifest()), packageFiles())).toContain(problem);
  });

  it('finds a remote script in a page and a translation that makes the description too long', async () => {
    const files = packageFiles({ 'options.html': '<script src="https://cdn.example/lib.js"></script>', 'icon/16.png': pngOf(16, 16) });
    const long = JSON.stringify({ extDescription: { message: 'ü'.repeat(140) } });
    files.files.set('_locales/de/messages.json', new TextEncoder().encode(long));
    const problems = checkMv3Manifest(await chromeManifest(), files);
    expect(problems).toContain('options.html loads remote script https://cdn.example/lib.js');
    expect(problems).toContain('description is longer than 132 characters (de)');
    expect(problems.some((p) => p.includes('(fr)'))).toBe(false);
  });
});

describe('linter warnings', () => {
  const security = readFileSync(repoPath('SECURITY.md'), 'utf8');

  it('every explained warning has its row in SECURITY.md "Store packages: linter warnings"', () => {
    const section = security.slice(security.indexOf('## Store packages: linter warnings'));
    expect(section.length).toBeGreaterThan(100);
    for (const row of EXPLAINED_WARNINGS) expect(section, row.where).toContain(`| ${row.where} (`);
  });

  it('regression (Preact moved into another page chunk and its explained warning failed CI): the warned dependencies keep chunks of their own', () => {
    expect(OWN_CHUNKS.find((row) => row.module.test('/x/node_modules/preact/dist/preact.module.js'))?.chunk).toBe('preact');
    expect(OWN_CHUNKS.find((row) => row.module.test('/x/node_modules/pdfjs-dist/build/pdf.mjs'))?.chunk).toBe('pdfjs');
    // every chunk-named row of the explained warnings is one of those chunks
    for (const row of EXPLAINED_WARNINGS.filter((w) => w.file.source.startsWith('^chunks'))) {
      expect(OWN_CHUNKS.some((own) => row.file.test(`chunks/${own.chunk}-AbC123.js`)), row.where).toBe(true);
    }
  });

  it('a warning SECURITY.md does not explain fails the check', () => {
    const { explained, unexplained } = sortWarnings(
      [
        { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'chunks/preact-X6cVUKrX.js', message: 'Unsafe assignment to innerHTML' },
        { code: 'DANGEROUS_EVAL', file: 'background.js', message: 'The Function constructor is eval.' },
        { code: 'UNSAFE_VAR_ASSIGNMENT', file: 'chunks/popup-A1.js', message: 'Unsafe assignment to innerHTML' },
      ],
      security,
    );
    expect(explained.map((w) => w.file)).toEqual(['chunks/preact-X6cVUKrX.js']);
    expect(unexplained.map((w) => w.file)).toEqual(['background.js', 'chunks/popup-A1.js']);
  });
});

describe('STORE_PATCHES', () => {
  const sources = {
    zod: 'node_modules/zod/v4/core/util.js',
    setImmediate: 'node_modules/setimmediate/setImmediate.js',
    pdfjs: 'node_modules/pdfjs-dist/build/pdf.mjs',
    pdfWorker: 'node_modules/pdfjs-dist/build/pdf.worker.min.mjs',
  };
  const read = (file: string) => readFileSync(repoPath(file), 'utf8');

  it('each installed dependency it patches still matches, and loses its eval', () => {
    for (const file of Object.values(sources)) {
      const patched = applyStorePatches(repoPath(file), read(file));
      expect(patched, file).not.toMatch(/new (?:Function|F)\(""\)|new Function\("" \+ callback\)|new Function\("src"/);
    }
  });

  it('leaves other files alone and fails loudly when a patched file changed', () => {
    expect(applyStorePatches('lib/engine/index.ts', 'new Function("")')).toBe('new Function("")');
    expect(() => applyStorePatches(repoPath(sources.setImmediate), 'an upgraded polyfill')).toThrow(/matched 0 times/);
  });
});
