/**
 * `npm run bench`: every benchmark in one run (figures on these machines are
 * noisy, so ratios are only compared within one run). Prints a table and
 * writes the same figures as JSON to bench-output/bench.json.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { runEngineBench, type EngineResults } from './engine.bench';
import { runPageCostBench, type PageCostResults } from './page-cost';
import { runPopupBench, type PopupResults } from './popup.bench';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'bench-output');

interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
}

/** Sizes of the built extension's scripts (run `npx wxt build` first; npm run bench does). */
function bundleSizes(): BundleSize[] {
  const dir = path.join(root, '.output/chrome-mv3');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.js')) files.push(p);
    }
  };
  walk(dir);
  return files
    .map((f) => ({ file: path.relative(dir, f), bytes: statSync(f).size, gzip: gzipSync(readFileSync(f)).length }))
    .sort((a, b) => b.bytes - a.bytes);
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n < 1 ? n.toFixed(3) : n.toFixed(2));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function printEngine(e: EngineResults): string[] {
  const lines = [
    'Verify latency (ms; median / p95). cold: nothing cached; first sight: keys and status cached; warm: the same credential again',
    '| format | verdict | cold | first sight | warm | reference | ratio |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of e.latency) {
    const ref = r.reference ? `${ms(r.reference.median)} / ${ms(r.reference.p95)} (@digitalbazaar/vc)` : r.joseFloor ? `${ms(r.joseFloor.median)} / ${ms(r.joseFloor.p95)} (jose jwtVerify)` : '—';
    const ratio = r.ratio === undefined
      ? '—'
      : r.reference
        ? `${r.ratio.toFixed(2)}× faster at first sight, ${r.ratioWarm!.toFixed(2)}× warm`
        : `${r.ratio.toFixed(2)}× jose`;
    lines.push(`| ${r.name} | ${r.verdict} | ${ms(r.cold.median)} / ${ms(r.cold.p95)} | ${ms(r.firstSight.median)} / ${ms(r.firstSight.p95)} | ${ms(r.warm.median)} / ${ms(r.warm.p95)} | ${ref} | ${ratio} |`);
  }
  const p = e.page50;
  lines.push('', `Page of ${p.credentials} credentials from ${p.issuers} did:web issuers with status lists (local HTTPS): ${ms(p.totalMs)} ms total, ${p.fetches} fetches (${p.distinctUrls} distinct URLs), verdicts ${JSON.stringify(p.verdicts)}`);
  lines.push(`Poison graph (10-clique of blank nodes): rejected in ${ms(e.poisonGraph.ms)} ms with ${e.poisonGraph.code} (verdict ${e.poisonGraph.verdict})`);
  return lines;
}

function printPage(p: PageCostResults): string[] {
  return [
    `Page cost in Chromium (${p.elements} elements, ${p.candidatesFound} credentials found): first scan ${ms(p.firstScan.median)} ms median / ${ms(p.firstScan.p95)} p95 over ${p.firstScan.runs} loads; per mutation batch (${p.mutationBatch.elementsPerBatch} elements) ${ms(p.mutationBatch.median)} ms median / ${ms(p.mutationBatch.p95)} p95`,
  ];
}

function printPopup(p: PopupResults): string[] {
  return [
    `Popup first render (20 credentials): ${ms(p.popup.median)} ms median / ${ms(p.popup.p95)} p95`,
    ...p.history.map((h) => `History view first row with ${h.entries} entries: ${ms(h.firstRow.median)} ms median / ${ms(h.firstRow.p95)} p95`),
  ];
}

async function main() {
  mkdirSync(out, { recursive: true });
  const results: Record<string, unknown> = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, at: new Date().toISOString() };
  const lines: string[] = [];
  const sizes = bundleSizes();
  results.bundles = sizes;
  lines.push('Bundle sizes (chrome-mv3)', ...sizes.map((s) => `  ${s.file}: ${kb(s.bytes)} (${kb(s.gzip)} gzip)`), '');
  const engine = await runEngineBench();
  results.engine = engine;
  lines.push(...printEngine(engine), '');
  const page = await runPageCostBench();
  results.pageCost = page;
  lines.push(...printPage(page), '');
  try {
    const popup = await runPopupBench();
    results.popup = popup;
    lines.push(...printPopup(popup));
  } catch (e) {
    results.popup = { error: String(e) };
    lines.push(`Popup benchmark could not run: ${String(e)}`);
  }
  writeFileSync(path.join(out, 'bench.json'), JSON.stringify(results, null, 2));
  console.log(lines.join('\n'));
  console.log(`\nFigures written to ${path.relative(root, path.join(out, 'bench.json'))}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
