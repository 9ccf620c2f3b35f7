/**
 * The in-page marker: a small NEUTRAL chip beside a detected credential. It
 * never shows a verdict, because a page can draw anything next to it; the
 * verdict lives only in extension pages (SECURITY.md rule 5, attack 40).
 * The chip sits in a closed shadow root so page CSS cannot restyle it, on a
 * host element marked `data-credlens` so our detectors and observer skip it.
 */
import { OWN_NODE_ATTRIBUTE } from './types';

/**
 * The only words the marker ever shows, by their key in public/_locales, with
 * the English text for where no extension API answers (unit tests). The
 * service worker stores the two phrases in the language chosen on the options
 * page (`MARKER_WORDS_KEY`), which the content script reads before its first
 * scan; without them it asks `i18n.getMessage` (the browser's language).
 */
const ENGLISH = {
  markerButton: 'Check credential',
  markerLabel: 'Credential found — check with Credlens',
} as const;

/** The marker's accessible name and tooltip, in English. */
export const MARKER_TEXT = ENGLISH.markerLabel;

type MarkerWordKey = keyof typeof ENGLISH;
type I18nApi = { i18n?: { getMessage?: (key: string) => string | undefined } };

/** The extension-storage key (storage.local) of the marker's phrases in the chosen language. */
export const MARKER_WORDS_KEY = 'markerWords';

let chosenWords: Partial<Record<MarkerWordKey, string>> = {};

/**
 * Takes the marker's phrases as the service worker stored them (`MARKER_WORDS_KEY`);
 * anything but a short, non-empty string per phrase is ignored, so the chip falls
 * back to the browser's language.
 */
export function useMarkerWords(stored: unknown): void {
  const words: Partial<Record<MarkerWordKey, string>> = {};
  for (const key of Object.keys(ENGLISH) as MarkerWordKey[]) {
    const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && value.trim() !== '' && value.length <= 120) words[key] = value;
  }
  chosenWords = words;
}

/** A marker phrase in the chosen language, else the browser's (Firefox's `browser`, Chromium's `chrome`: the first that answers), else English. */
export function markerWords(key: MarkerWordKey): string {
  const chosen = chosenWords[key];
  if (chosen) return chosen;
  const scope = globalThis as { chrome?: I18nApi; browser?: I18nApi };
  for (const api of [scope.browser, scope.chrome]) {
    try {
      const words = api?.i18n?.getMessage?.(key);
      if (words) return words;
    } catch {
      // an API without i18n here: ask the next, then English
    }
  }
  return ENGLISH[key];
}

const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 2px 6px; }
button { font: 600 12px/1.2 system-ui, sans-serif; color: #1f2937; background: #f3f4f6;
  border: 1px solid #6b7280; border-radius: 999px; padding: 3px 10px; cursor: pointer; }
button:hover { background: #e5e7eb; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }`;

/** Elements that cannot hold the marker as a child (or whose click would also navigate). */
const PLACE_AFTER = /^(?:A|IMG|OBJECT|IFRAME|CODE|SPAN|BUTTON|P|INPUT|SCRIPT)$/i;

/**
 * Places one marker for `key` beside `anchor`; clicking it calls `onOpen(key)`.
 * Returns the host element (for removal), or undefined when one already exists.
 */
export function placeMarker(anchor: Element, key: string, onOpen: (key: string) => void): HTMLElement | undefined {
  const doc = anchor.ownerDocument;
  if (doc.querySelector(`[${OWN_NODE_ATTRIBUTE}="marker"][data-credlens-key="${cssEscape(key)}"]`)) return undefined;
  const host = doc.createElement('span');
  host.setAttribute(OWN_NODE_ATTRIBUTE, 'marker');
  host.setAttribute('data-credlens-key', key);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const button = doc.createElement('button');
  button.type = 'button';
  const label = markerWords('markerLabel');
  button.textContent = markerWords('markerButton');
  button.setAttribute('aria-label', label);
  button.title = label;
  button.addEventListener('click', (event) => {
    // the marker may sit inside a link's container: opening the report must not also follow it
    event.preventDefault();
    event.stopPropagation();
    onOpen(key);
  });
  shadow.append(style, button);
  if (PLACE_AFTER.test(anchor.tagName)) anchor.insertAdjacentElement('afterend', host);
  else anchor.append(host);
  return host;
}

/** Removes every marker from the document (page navigated, or the script stopped). */
export function removeMarkers(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(`[${OWN_NODE_ATTRIBUTE}="marker"]`))) el.remove();
}

function cssEscape(value: string): string {
  return value.replace(/[^\w-]/g, (ch) => `\\${ch}`);
}
