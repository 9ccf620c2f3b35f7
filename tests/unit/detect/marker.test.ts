import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MARKER_TEXT, placeMarker, removeMarkers, useMarkerWords } from '../../../lib/detect/marker';

function page() {
  const { document } = parseHTML('<html><body><main><div id="entry"><a id="link" href="https://x.example">Show credential</a></div></main></body></html>');
  const doc = document as unknown as Document;
  // The marker's shadow root is closed; capture it the way only a test can, to reach the button.
  const roots: ShadowRoot[] = [];
  let proto: object | null = doc.createElement('span');
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'attachShadow')) proto = Object.getPrototypeOf(proto);
  const owner = proto as { attachShadow(init: ShadowRootInit): ShadowRoot };
  const original = owner.attachShadow;
  owner.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  };
  return { doc, roots, restore: () => (owner.attachShadow = original) };
}

describe('in-page marker', () => {
  it('is a neutral, labelled button in a closed shadow root that opens the report for its key', () => {
    const { doc, roots, restore } = page();
    const opened: string[] = [];
    const host = placeMarker(doc.getElementById('entry')!, 'l-123', (k) => opened.push(k));
    expect(host?.getAttribute('data-credlens')).toBe('marker');
    const button = roots[0]!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe(MARKER_TEXT);
    expect(`${button.textContent} ${button.getAttribute('aria-label')}`.toLowerCase()).not.toMatch(/verified|valid|✓|✔/);
    button.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('click'));
    expect(opened).toEqual(['l-123']);
    restore();
  });

  it('sits after inline anchors (not inside the link), once per key, and is removable', () => {
    const { doc, restore } = page();
    const link = doc.getElementById('link')!;
    placeMarker(link, 'l-9', () => {});
    expect(placeMarker(link, 'l-9', () => {})).toBeUndefined();
    expect(link.nextElementSibling?.getAttribute('data-credlens')).toBe('marker');
    expect(link.querySelector('[data-credlens]')).toBeNull();
    removeMarkers(doc);
    expect(doc.querySelectorAll('[data-credlens]')).toHaveLength(0);
    restore();
  });
});

describe('in-page marker words', () => {
  it('are the English locale text where no extension API answers', async () => {
    const { readFileSync } = await import('node:fs');
    const { repoPath } = await import('../../support/fixtures');
    const en = JSON.parse(readFileSync(repoPath('public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const { markerWords } = await import('../../../lib/detect/marker');
    expect(markerWords('markerButton')).toBe(en.markerButton!.message);
    expect(markerWords('markerLabel')).toBe(en.markerLabel!.message);
    expect(MARKER_TEXT).toBe(en.markerLabel!.message);
  });

  it('come from the browser language through i18n.getMessage in a content script', () => {
    const german: Record<string, string> = { markerButton: 'Nachweis prüfen', markerLabel: 'Nachweis gefunden – mit Credlens prüfen' };
    const scope = globalThis as { chrome?: unknown };
    const before = scope.chrome;
    scope.chrome = { i18n: { getMessage: (key: string) => german[key] ?? '' } };
    try {
      const { doc, roots, restore } = page();
      placeMarker(doc.getElementById('entry')!, 'l-de', () => {});
      const button = roots[0]!.querySelector('button')!;
      expect(button.textContent).toBe('Nachweis prüfen');
      expect(button.getAttribute('aria-label')).toBe('Nachweis gefunden – mit Credlens prüfen');
      expect(button.getAttribute('title')).toBe('Nachweis gefunden – mit Credlens prüfen');
      restore();
    } finally {
      scope.chrome = before;
    }
  });

  it('regression (the chip stayed in the browser\'s language): the phrases the service worker stored for the chosen language win; anything else is ignored', () => {
    const scope = globalThis as { chrome?: unknown };
    const before = scope.chrome;
    scope.chrome = { i18n: { getMessage: (key: string) => ({ markerButton: 'Check credential', markerLabel: 'Credential found' })[key] ?? '' } };
    try {
      useMarkerWords({ markerButton: 'Vérifier le titre', markerLabel: 'Titre trouvé — vérifier avec Credlens' });
      const { doc, roots, restore } = page();
      placeMarker(doc.getElementById('entry')!, 'l-fr', () => {});
      const button = roots[0]!.querySelector('button')!;
      expect([button.textContent, button.getAttribute('aria-label')]).toEqual(['Vérifier le titre', 'Titre trouvé — vérifier avec Credlens']);
      restore();
      // junk in storage (not strings, empty, too long, another shape) leaves the browser's language
      for (const junk of [{ markerButton: 42, markerLabel: '' }, { markerButton: 'x'.repeat(500) }, 'Vérifier', null]) {
        useMarkerWords(junk);
        const again = page();
        placeMarker(again.doc.getElementById('entry')!, 'l-junk', () => {});
        expect(again.roots[0]!.querySelector('button')!.textContent).toBe('Check credential');
        again.restore();
      }
    } finally {
      useMarkerWords(undefined);
      scope.chrome = before;
    }
  });
});
