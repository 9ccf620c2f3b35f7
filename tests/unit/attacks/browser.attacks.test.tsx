/**
 * SECURITY.md attacks whose full check needs a browser (9, 31, 40, 41): the
 * end-to-end suite drives those in Chromium. Here is what can be asserted
 * below the browser: the UI renders credential text as text, nothing in the
 * UI sets raw HTML, the in-page marker never claims a verdict, and a stopped
 * scanner (extension updated or unloaded) neither sends nor observes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { all, mount, unmount } from '../components/dom';
import { makeReport } from '../components/reports';
import { CredentialDetails } from '../../../components/CredentialDetails';
import { CredentialList } from '../../../components/CredentialList';
import { MARKER_TEXT, removeMarkers } from '../../../lib/detect/marker';
import { runContentScanner } from '../../../lib/detect/run';
import { ToBackgroundSchema } from '../../../lib/extension/messaging';
import { found } from '../components/reports';
import { guarded } from './harness';
import { REPO_ROOT } from '../../support/fixtures';

const ROOT = REPO_ROOT;
const XSS = '<img src=x onerror="globalThis.__credlensPwned=1"><script>globalThis.__credlensPwned=1</script>';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('SECURITY.md attack 31 (unit part) — credential text is rendered as text only', () => {
  it('no UI source uses dangerouslySetInnerHTML or innerHTML (components and entrypoints)', () => {
    const sources = ['components', 'entrypoints'].flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(tsx?|jsx?|html)$/.test(f))
        .map((f) => path.join(dir, f)),
    );
    expect(sources.length).toBeGreaterThan(20); // the scan really sees the UI
    const offenders = sources.filter((f) => /dangerouslySetInnerHTML|innerHTML/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('a credential name and issuer carrying <img onerror>/<script> appear as literal text, with no element created', async () => {
    const report = makeReport('verified', {
      summary: { title: XSS, description: XSS, issuer: { id: 'did:web:uni.example', name: XSS }, achievement: { name: XSS, criteria: XSS } },
    });
    const { value: el } = await guarded(() => mount(<CredentialDetails report={report} />));
    expect(all(el, 'img[onerror], script')).toHaveLength(0);
    expect(el.textContent).toContain(XSS);
    unmount(el);
    const list = mount(<CredentialList items={[found('k1', report)]} onOpen={() => {}} />);
    expect(all(list, 'img[onerror], script')).toHaveLength(0);
    unmount(list);
    expect((globalThis as { __credlensPwned?: number }).__credlensPwned).toBeUndefined();
  });
});

describe('SECURITY.md attack 40 (unit part) — the in-page marker never states a verdict', () => {
  it('a page that draws its own "✔ Verified" gets only neutral markers, and the message carries no verdict', () => {
    const html = readFileSync(path.join(__dirname, '../detect/pages/linkedin-classic.html'), 'utf8')
      .replace('</main>', '<span class="fake">✔ Verified by Credlens</span></main>');
    const { document, MutationObserver } = parseHTML(html);
    vi.stubGlobal('MutationObserver', MutationObserver);
    const sent: unknown[] = [];
    const scanner = runContentScanner({ doc: document as unknown as Document, pageUrl: () => 'https://www.linkedin.com/in/jane-example/', send: (m) => sent.push(m) });
    expect(MARKER_TEXT.toLowerCase()).not.toMatch(/verif(ied|y)|valid|✔/);
    const markers = document.querySelectorAll('[data-credlens="marker"]');
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) expect((m.textContent ?? '').toLowerCase()).not.toContain('verified');
    // what the page can send is a strict schema: there is no field in which to claim a verdict
    for (const msg of sent) {
      expect(ToBackgroundSchema.safeParse(msg).success).toBe(true);
      expect(ToBackgroundSchema.safeParse({ ...(msg as object), verdict: 'verified' }).success).toBe(false);
    }
    scanner.stop();
  });
});

describe('SECURITY.md attack 41 (unit part) — a stopped scanner stays silent', () => {
  it('after stop() (the content script invalidated by an update) new credentials on the page send nothing and markers go', async () => {
    vi.useFakeTimers();
    const { document, MutationObserver } = parseHTML('<html><body><main><p>Profile</p></main></body></html>');
    vi.stubGlobal('MutationObserver', MutationObserver);
    const doc = document as unknown as Document;
    const sent: unknown[] = [];
    const scanner = runContentScanner({ doc, pageUrl: () => 'https://www.linkedin.com/in/jane-example/', send: (m) => sent.push(m) });
    const addBadge = (id: string) => {
      const a = doc.createElement('a');
      a.setAttribute('href', `https://www.credly.com/badges/${id}`);
      doc.querySelector('main')!.append(a);
    };
    addBadge('0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60');
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(1); // control: the observer works while the scanner runs
    scanner.stop();
    removeMarkers(doc);
    addBadge('1c6e1d6f-9a5b-4d8f-8b0f-2c3d4e5f6a71');
    await vi.advanceTimersByTimeAsync(500);
    scanner.rescan();
    expect(sent).toHaveLength(1);
    expect(doc.querySelectorAll('[data-credlens="marker"]')).toHaveLength(0);
  });

  it('the content script stops its scanner on invalidation and sends nothing once the context is invalid', () => {
    const source = readFileSync(path.join(ROOT, 'entrypoints/content.ts'), 'utf8');
    expect(source).toMatch(/if \(ctx\.isInvalid\) return;/);
    expect(source).toMatch(/ctx\.onInvalidated\(\(\) => \{[\s\S]*scanner\.stop\(\)/);
    // a rejected sendMessage ("Extension context invalidated") is swallowed, never thrown into the page
    expect(source).toMatch(/sendMessage\(message\)\.catch\(/);
  });
});
