/**
 * Page cost in Chromium: the content script's detection code (lib/detect, the
 * exact modules the content script bundles) on synthetic LinkedIn-like
 * profiles of 5,000, 20,000 and 80,000 elements. Measures the first scan of a
 * freshly loaded page (whose cost must grow linearly with the page), and
 * the time spent scanning each mutation batch while the page grows (the
 * observer scans only the subtrees added since its last flush).
 */
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stats, type Stats } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIRST_SCAN_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 15);
const BATCHES = 40;

/** Page sizes whose first scan is timed: the budget names 20,000 elements; the others show the cost grows linearly. */
export const PAGE_SIZES = [5_000, 20_000, 80_000] as const;

export interface PageCostResults {
  /** the first scan of each page size */
  sizes: Array<{ elements: number; candidatesFound: number; firstScan: Stats; perThousandElements: number }>;
  /** first-scan median ÷ element count, largest page over smallest (1 = linear) */
  linearity: number;
  mutationBatch: Stats & { elementsPerBatch: number };
}

/** A profile of `total` elements: feed-like filler, plus a certifications section of 12 entries. */
export function syntheticProfile(total: number): string {
  const certs = Array.from({ length: 12 }, (_, i) => `
    <li class="pvs-list__paged-list-item"><div data-view-name="license-certifications-lockup-view">
      <p>Certificate ${i}</p><p>Issuer ${i % 4}</p><p>Issued Jan 2025</p><p>Credential ID C-${i}</p>
      <a href="https://www.linkedin.com/redir/redirect?url=${encodeURIComponent(`https://www.credly.com/badges/0000000${i}-aaaa-4bbb-8ccc-000000000000/public_url`)}">Show credential</a>
    </div></li>`).join('');
  const fillerBlocks = Math.max(0, Math.floor((total - 40 - 12 * 7) / 10));
  const filler = Array.from({ length: fillerBlocks }, (_, i) =>
    `<div class="feed"><span>Post ${i}</span><p>Some text <b>bold</b> and <a href="/in/person-${i}/">a colleague</a></p><ul><li>x</li><li>y</li></ul><img src="/img/${i}.jpg" alt=""><button>Like</button></div>`,
  ).join('');
  return `<!doctype html><html><head><title>Grace Hopper | LinkedIn</title></head><body><main>
    <h1>Grace Hopper</h1><section id="experience">${filler}</section>
    <section><div id="licenses_and_certifications"></div><h2 class="pvs-header__title">Licenses &amp; certifications</h2><ul>${certs}</ul></section>
  </main></body></html>`;
}

async function bundleDetectors(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { scanDocument } from './lib/detect/scan'; globalThis.__credlensScan = scanDocument;`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  return result.outputFiles[0]!.text;
}

export async function runPageCostBench(): Promise<PageCostResults> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const script = await bundleDetectors();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    let html = '';
    // Only the document is served; images and everything else are refused at once (nothing leaves the machine).
    await page.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.fulfill({ contentType: 'text/html', body: html }) : route.abort());
    const sizes: PageCostResults['sizes'] = [];
    for (const total of PAGE_SIZES) {
      html = syntheticProfile(total);
      const first: number[] = [];
      let elements = 0;
      let candidatesFound = 0;
      for (let i = 0; i < FIRST_SCAN_RUNS; i++) {
        await page.goto('https://www.linkedin.com/in/grace-hopper/');
        // The content script runs in an isolated world and adds no node to the page; a <script> tag left in
        // the page would put the detector's own source (whose patterns spell "eyJ") into the page's text and
        // send the token search over every text node, a cost no real page pays for us.
        await (await page.addScriptTag({ content: script })).evaluate((el) => (el as ChildNode).remove());
        const r = await page.evaluate(() => {
          const scan = (globalThis as unknown as { __credlensScan: (d: Document) => { found: unknown[] } }).__credlensScan;
          const t = performance.now();
          const found = scan(document).found.length;
          return { ms: performance.now() - t, found, elements: document.getElementsByTagName('*').length };
        });
        first.push(r.ms);
        elements = r.elements;
        candidatesFound = r.found;
      }
      const firstScan = stats(first);
      sizes.push({ elements, candidatesFound, firstScan, perThousandElements: (firstScan.median / elements) * 1000 });
    }
    const batch = await page.evaluate((batches) => {
      const scan = (globalThis as unknown as { __credlensScan: (d: Element) => unknown }).__credlensScan;
      const main = document.querySelector('main')!;
      const samples: number[] = [];
      for (let b = 0; b < batches; b++) {
        const wrapper = document.createElement('div');
        // a lazily loaded section: 200 elements, one of them a credential link
        wrapper.innerHTML = Array.from({ length: 40 }, (_, i) => `<div><span>Item ${b}-${i}</span><a href="/in/p${i}/">p</a><img src="/i.png" alt=""><p>t</p></div>`).join('') +
          `<a href="https://www.credly.com/badges/11111111-2222-4333-8444-5555555555${String(b).padStart(2, '0')}">badge</a>`;
        main.appendChild(wrapper);
        const t = performance.now();
        scan(wrapper);
        samples.push(performance.now() - t);
      }
      return samples;
    }, BATCHES);
    const smallest = sizes[0]!;
    const largest = sizes[sizes.length - 1]!;
    return { sizes, linearity: largest.perThousandElements / smallest.perThousandElements, mutationBatch: { ...stats(batch), elementsPerBatch: 201 } };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runPageCostBench().then((r) => console.log(JSON.stringify(r, null, 2)));
}
