import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARKER_TEXT } from '../../../lib/detect/marker';
import { runContentScanner, type CandidatesFoundMessage } from '../../../lib/detect/run';
import type { PageScanner } from '../../../lib/detect/observe';

const page = (name: string): string => readFileSync(path.join(__dirname, 'pages', name), 'utf8');

function setup(html: string, url: string) {
  const { document, MutationObserver } = parseHTML(html);
  vi.stubGlobal('MutationObserver', MutationObserver);
  const doc = document as unknown as Document;
  let currentUrl = url;
  const sent: unknown[] = [];
  const scanner = runContentScanner({ doc, pageUrl: () => currentUrl, send: (m) => sent.push(m) });
  return { doc, sent, scanner, navigate: (u: string) => (currentUrl = u) };
}

let running: PageScanner | undefined;
afterEach(() => {
  running?.stop();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('content scanner', () => {
  it('reports the LinkedIn certifications once, places neutral keyboard-reachable markers and sets the e2e hook', () => {
    const { doc, sent, scanner } = setup(page('linkedin-classic.html'), 'https://www.linkedin.com/in/jane-example/');
    running = scanner;
    expect(sent).toHaveLength(1);
    const msg = sent[0] as CandidatesFoundMessage;
    expect(msg).toMatchObject({ type: 'candidates/found', profileName: 'Jane Example', pageUrl: 'https://www.linkedin.com/in/jane-example/' });
    // every certification the profile lists, the one without a link too (a claim)
    expect(msg.items.map((i) => i.kind)).toEqual(['link', 'link', 'claim']);
    const hosts = doc.querySelectorAll('[data-credlens="marker"]');
    expect(hosts).toHaveLength(3);
    expect(doc.documentElement.getAttribute('data-credlens-found')).toBe('3');
    scanner.rescan();
    expect(sent).toHaveLength(1); // nothing new: no second message
    expect(doc.querySelectorAll('[data-credlens="marker"]')).toHaveLength(3);
    expect(MARKER_TEXT.toLowerCase()).not.toContain('verified');
  });

  it('sends nothing on a page with no candidates', () => {
    const { doc, sent, scanner } = setup(page('control.html'), 'https://news.example.com/');
    running = scanner;
    expect(sent).toEqual([]);
    expect(doc.documentElement.getAttribute('data-credlens-found')).toBe('0');
  });

  it('scans only added subtrees, batched, and ignores our own nodes', async () => {
    vi.useFakeTimers();
    const { doc, sent, scanner } = setup('<html><body><main><p>Hello</p></main></body></html>', 'https://www.linkedin.com/in/jane-example/');
    running = scanner;
    expect(sent).toHaveLength(0);
    expect(scanner.watching).toBe(true); // LinkedIn renders sections late: watched even when empty
    const a = doc.createElement('a');
    a.setAttribute('href', 'https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60');
    const own = doc.createElement('span');
    own.setAttribute('data-credlens', 'marker');
    own.innerHTML = '<a href="https://api.badgr.io/public/assertions/abcDEF123456">x</a>';
    doc.querySelector('main')!.append(a, own);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toHaveLength(1);
    expect((sent[0] as CandidatesFoundMessage).items.map((i) => i.platform)).toEqual(['credly']);
  });

  it('gives an ordinary page with nothing found one scan and no observer', async () => {
    vi.useFakeTimers();
    const { doc, sent, scanner } = setup(page('control.html'), 'https://news.example.com/');
    running = scanner;
    expect(scanner.watching).toBe(false);
    const a = doc.createElement('a');
    a.setAttribute('href', 'https://www.credly.com/badges/0b5d0c5e-8f4a-4c7e-9a9e-1b2c3d4e5f60');
    doc.body.append(a);
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([]);
    scanner.rescan(); // the toolbar asks again: now found, and watched from here on
    expect(sent).toHaveLength(1);
    expect(scanner.watching).toBe(true);
  });

  it('on navigation drops old markers and reports the new page', () => {
    const { doc, sent, scanner, navigate } = setup(page('linkedin-classic.html'), 'https://www.linkedin.com/in/jane-example/');
    running = scanner;
    navigate('https://www.linkedin.com/in/someone-else/');
    scanner.rescan();
    // an empty report clears the old page in the background, then the new page is reported afresh
    expect(sent).toHaveLength(3);
    expect(sent[1]).toEqual({ type: 'candidates/found', pageUrl: 'https://www.linkedin.com/in/someone-else/', items: [] });
    expect((sent[2] as CandidatesFoundMessage).items).toHaveLength(3);
    expect(doc.querySelectorAll('[data-credlens="marker"]')).toHaveLength(3);
  });
});
