/**
 * `npm run lint:store`: the built store packages checked the way the stores
 * check them. The Firefox package goes through Mozilla's addons-linter: any
 * error fails, and so does a warning SECURITY.md does not explain ("Store
 * packages: linter warnings", one row per warning). The Chrome package's
 * manifest goes through the MV3 rules of manifest-rules.ts.
 *
 * Run after `npm run zip` (the npm script does both).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMv3Manifest, type PackageFiles } from './manifest-rules';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = path.join(ROOT, '.output');

/**
 * Warnings the linter keeps giving for code Credlens does not run that way,
 * each explained in SECURITY.md "Store packages: linter warnings" under the
 * same `code` and `where` words. Anything else fails the check.
 */
export const EXPLAINED_WARNINGS: ReadonlyArray<{ code: string; file: RegExp; where: string }> = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/preact-[\w-]+\.js$/, where: "Preact's `dangerouslySetInnerHTML`" },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/pdfjs-[\w-]+\.js$/, where: "pdf.js's main-thread worker fallback" },
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^assets\/pdf\.worker\.min-[\w-]+\.mjs$/, where: "pdf.js's JPEG 2000 decoder fallback" },
];

interface LinterMessage {
  code: string;
  file?: string;
  line?: number;
  message: string;
}

/** Reads a directory as a package. */
export function directoryFiles(dir: string): PackageFiles {
  const list = (sub = ''): string[] =>
    readdirSync(path.join(dir, sub)).flatMap((name) => {
      const rel = sub ? `${sub}/${name}` : name;
      return statSync(path.join(dir, rel)).isDirectory() ? list(rel) : [rel];
    });
  return {
    read: (file) => {
      try {
        return new Uint8Array(readFileSync(path.join(dir, file)));
      } catch {
        return undefined;
      }
    },
    list: () => list(),
  };
}

/** The linter's errors, and its warnings split into explained and not. */
export function sortWarnings(warnings: readonly LinterMessage[], security: string) {
  const explained: LinterMessage[] = [];
  const unexplained: LinterMessage[] = [];
  for (const w of warnings) {
    const row = EXPLAINED_WARNINGS.find((r) => r.code === w.code && r.file.test(w.file ?? ''));
    (row && security.includes(row.where) ? explained : unexplained).push(w);
  }
  return { explained, unexplained };
}

function lintFirefox(zip: string, security: string): string[] {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'addons-linter');
  const run = spawnSync(bin, ['--output', 'json', '--boring', zip], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let result: { errors: LinterMessage[]; warnings: LinterMessage[] };
  try {
    result = JSON.parse(run.stdout) as typeof result;
  } catch {
    return [`addons-linter gave no report (exit ${run.status}): ${run.stderr.slice(0, 500)}`];
  }
  const { explained, unexplained } = sortWarnings(result.warnings, security);
  const show = (m: LinterMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
  console.log(`addons-linter ${path.basename(zip)}: ${result.errors.length} errors, ${result.warnings.length} warnings (${explained.length} explained in SECURITY.md)`);
  for (const w of explained) console.log(`  explained: ${show(w)}`);
  return [...result.errors.map((e) => `error: ${show(e)}`), ...unexplained.map((w) => `warning not explained in SECURITY.md: ${show(w)}`)];
}

function main(): number {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const security = readFileSync(path.join(ROOT, 'SECURITY.md'), 'utf8');
  const problems = lintFirefox(path.join(OUTPUT, `credlens-${version}-firefox.zip`), security);
  const chrome = path.join(OUTPUT, 'chrome-mv3');
  const files = directoryFiles(chrome);
  const manifest = files.read('manifest.json');
  const mv3 = manifest ? checkMv3Manifest(JSON.parse(new TextDecoder().decode(manifest)), files) : [`no ${path.relative(ROOT, chrome)}/manifest.json: run npm run zip first`];
  console.log(`chrome-mv3 manifest: ${mv3.length ? `${mv3.length} problems` : 'passes the MV3 rules'}`);
  problems.push(...mv3.map((p) => `chrome-mv3: ${p}`));
  for (const p of problems) console.error(`  ${p}`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
