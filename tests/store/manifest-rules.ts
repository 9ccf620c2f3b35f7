/**
 * The Chrome Web Store's MV3 rules that can be checked without the store:
 * a built manifest and the files of its package, in, a list of problems out
 * (empty: the package passes). Run on the real build by tests/store/lint-store.ts
 * (`npm run lint:store`), and on fixtures by tests/unit/store/manifest-rules.test.ts.
 */

/** The package's files, read from a directory or held in memory by a test. */
export interface PackageFiles {
  /** the bytes of a file at a package path ("icon/16.png"), undefined when there is none */
  read(path: string): Uint8Array | undefined;
  /** every file path in the package */
  list(): string[];
}

/** Permissions Credlens may ask for, each with its reason (SECURITY.md "Permissions"). */
export const ALLOWED_PERMISSIONS: Readonly<Record<string, string>> = {
  storage: 'per-tab results, caches, settings and trust lists',
  activeTab: 'scan the current page when the user asks, without broad host access',
  contextMenus: 'the "Verify this badge" menu entry',
  scripting: 'inject the content script on a user request, or on every page once the user opts in',
};

/** Host access asked for at install: none. Credlens reads hosts only once the user grants them. */
export const ALLOWED_HOST_PERMISSIONS: Readonly<Record<string, string>> = {};

/** Host access the options page may request, never at install. */
export const ALLOWED_OPTIONAL_HOST_PERMISSIONS: Readonly<Record<string, string>> = {
  'https://*/*': 'issuer keys and status lists without CORS limits, and the opt-in "scan every page"',
};

/** Store listing limits (Chrome Web Store: name 75 characters, description 132). */
const MAX_NAME = 75;
const MAX_DESCRIPTION = 132;
const ICON_SIZES = [16, 32, 48, 128] as const;
/** CSP sources an MV3 extension page may allow for scripts. */
const SAFE_SCRIPT_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]);

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const text = (bytes: Uint8Array | undefined): string => (bytes ? new TextDecoder().decode(bytes) : '');

/** Width and height of a PNG, from its IHDR chunk; undefined for anything that is not a PNG. */
export function pngSize(bytes: Uint8Array | undefined): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!bytes || bytes.length < 24 || signature.some((b, i) => bytes[i] !== b) || text(bytes.slice(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Every `__MSG_name__` in the manifest's strings. */
function messageNames(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') for (const m of value.matchAll(/__MSG_(\w+)__/g)) out.add(m[1]!);
  else if (Array.isArray(value)) value.forEach((v) => messageNames(v, out));
  else if (isJson(value)) Object.values(value).forEach((v) => messageNames(v, out));
  return out;
}

/** A manifest string in one locale, `__MSG_x__` replaced as the browser does (names are case-insensitive). */
function resolved(value: string, messages: Json): string {
  return value.replace(/__MSG_(\w+)__/g, (_, name: string) => {
    const key = Object.keys(messages).find((k) => k.toLowerCase() === name.toLowerCase());
    const entry = key ? messages[key] : undefined;
    return isJson(entry) && typeof entry.message === 'string' ? entry.message : '';
  });
}

const isRemote = (path: string): boolean => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(path);
const packagePath = (path: string): string => path.replace(/^\//, '');

function checkCsp(manifest: Json, problems: string[]): void {
  const csp = manifest.content_security_policy;
  if (csp === undefined) return; // the browser's MV3 default: script-src 'self'
  if (!isJson(csp)) return void problems.push('content_security_policy must be an object in MV3');
  for (const [where, policy] of Object.entries(csp)) {
    if (typeof policy !== 'string') continue;
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name || !['script-src', 'object-src', 'default-src', 'worker-src'].includes(name)) continue;
      for (const source of sources) {
        if (!SAFE_SCRIPT_SOURCES.has(source)) problems.push(`content_security_policy.${where} weakens ${name} with ${source}`);
      }
    }
  }
}

function checkPermissions(manifest: Json, problems: string[]): void {
  for (const p of strings(manifest.permissions)) if (!(p in ALLOWED_PERMISSIONS)) problems.push(`permission ${p} is not on the allow-list`);
  for (const p of strings(manifest.optional_permissions)) if (!(p in ALLOWED_PERMISSIONS)) problems.push(`optional permission ${p} is not on the allow-list`);
  for (const h of strings(manifest.host_permissions)) if (!(h in ALLOWED_HOST_PERMISSIONS)) problems.push(`host permission ${h} is asked for at install without a reason`);
  for (const h of strings(manifest.optional_host_permissions)) {
    if (!(h in ALLOWED_OPTIONAL_HOST_PERMISSIONS)) problems.push(`optional host permission ${h} has no reason`);
  }
  for (const script of Array.isArray(manifest.content_scripts) ? manifest.content_scripts.filter(isJson) : []) {
    for (const match of strings(script.matches)) {
      if (match === '<all_urls>' || !match.startsWith('https://') || match.startsWith('https://*/')) problems.push(`content script matches ${match}: only named https sites are scanned at install`);
    }
  }
}

/** Paths the manifest names as code or pages: each must be a file of the package, never a URL. */
function checkPackagedCode(manifest: Json, files: PackageFiles, problems: string[]): void {
  const background = isJson(manifest.background) ? manifest.background : {};
  const named: string[] = [];
  if (typeof background.service_worker === 'string') named.push(background.service_worker);
  for (const script of Array.isArray(manifest.content_scripts) ? manifest.content_scripts.filter(isJson) : []) named.push(...strings(script.js), ...strings(script.css));
  const options = isJson(manifest.options_ui) ? manifest.options_ui.page : undefined;
  if (typeof options === 'string') named.push(options);
  for (const path of named) {
    if (isRemote(path)) problems.push(`${path} is remote code`);
    else if (!files.read(packagePath(path))) problems.push(`${path} is not in the package`);
  }
  for (const page of files.list().filter((f) => f.endsWith('.html'))) {
    for (const m of text(files.read(page)).matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
      if (isRemote(m[1]!)) problems.push(`${page} loads remote script ${m[1]}`);
    }
  }
}

function checkIcons(manifest: Json, files: PackageFiles, problems: string[]): void {
  const icons = isJson(manifest.icons) ? manifest.icons : {};
  for (const size of ICON_SIZES) {
    const path = icons[String(size)];
    if (typeof path !== 'string') {
      problems.push(`icons.${size} is missing`);
      continue;
    }
    const png = pngSize(files.read(packagePath(path)));
    if (!png) problems.push(`icons.${size} (${path}) is not a PNG in the package`);
    else if (png.width !== size || png.height !== size) problems.push(`icons.${size} (${path}) is ${png.width}×${png.height}`);
  }
}

function checkLocales(manifest: Json, files: PackageFiles, problems: string[]): void {
  const locales = [...new Set(files.list().flatMap((f) => f.match(/^_locales\/([^/]+)\/messages\.json$/)?.[1] ?? []))];
  const defaultLocale = manifest.default_locale;
  if (locales.length && typeof defaultLocale !== 'string') return void problems.push('_locales exists but default_locale is missing');
  if (!locales.length) {
    if (defaultLocale !== undefined) problems.push('default_locale is set but there is no _locales folder');
    if (messageNames(manifest).size) problems.push('the manifest uses __MSG_…__ without _locales');
    return checkLengths(manifest, {}, 'manifest', problems);
  }
  if (!locales.includes(defaultLocale as string)) return void problems.push(`default_locale ${String(defaultLocale)} has no _locales/${String(defaultLocale)}/messages.json`);
  const tables = Object.fromEntries(locales.map((l) => [l, parseMessages(files.read(`_locales/${l}/messages.json`))]));
  const defaults = tables[defaultLocale as string]!;
  const known = new Set(Object.keys(defaults).map((k) => k.toLowerCase()));
  for (const name of messageNames(manifest)) if (!known.has(name.toLowerCase())) problems.push(`__MSG_${name}__ is not defined in _locales/${String(defaultLocale)}/messages.json`);
  // a locale without a message falls back to the default locale's, as the browser does
  for (const [locale, table] of Object.entries(tables)) checkLengths(manifest, { ...defaults, ...table }, locale, problems);
}

function parseMessages(bytes: Uint8Array | undefined): Json {
  try {
    const parsed: unknown = JSON.parse(text(bytes));
    return isJson(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function checkLengths(manifest: Json, messages: Json, where: string, problems: string[]): void {
  const name = typeof manifest.name === 'string' ? resolved(manifest.name, messages) : '';
  const description = typeof manifest.description === 'string' ? resolved(manifest.description, messages) : '';
  if (!name) problems.push(`name is empty (${where})`);
  if ([...name].length > MAX_NAME) problems.push(`name is longer than ${MAX_NAME} characters (${where})`);
  if ([...description].length > MAX_DESCRIPTION) problems.push(`description is longer than ${MAX_DESCRIPTION} characters (${where})`);
}

/** Every rule this file knows, on one MV3 manifest and its package; an empty list when all hold. */
export function checkMv3Manifest(manifest: unknown, files: PackageFiles): string[] {
  if (!isJson(manifest)) return ['the manifest is not a JSON object'];
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${String(manifest.manifest_version)}, not 3`);
  const background = isJson(manifest.background) ? manifest.background : {};
  if (typeof background.service_worker !== 'string') problems.push('background.service_worker is missing');
  if (background.scripts !== undefined || background.page !== undefined) problems.push('background.scripts and background.page are MV2');
  if (manifest.browser_action !== undefined || manifest.page_action !== undefined) problems.push('browser_action and page_action are MV2: use action');
  const popup = isJson(manifest.action) ? manifest.action.default_popup : undefined;
  if (typeof popup !== 'string') problems.push('action.default_popup is missing');
  else if (!files.read(packagePath(popup))) problems.push(`action.default_popup ${popup} is not in the package`);
  checkCsp(manifest, problems);
  checkPermissions(manifest, problems);
  checkPackagedCode(manifest, files, problems);
  checkIcons(manifest, files, problems);
  checkLocales(manifest, files, problems);
  return problems;
}
