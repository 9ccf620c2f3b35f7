/**
 * Reads what our in-page markers say. They live in closed shadow roots that
 * page scripts (and Playwright locators) cannot see into, so the text is read
 * through the DevTools protocol with shadow piercing.
 */
import type { BrowserContext, Page } from '@playwright/test';

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Every text, aria-label and title inside each Credlens marker on the page, one string per marker. */
export async function markerTexts(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const out: string[] = [];
    const collect = (n: DomNode, acc: string[]): void => {
      if (n.nodeType === 3) acc.push(n.nodeValue);
      const attrs = n.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'aria-label' || attrs[i] === 'title') acc.push(attrs[i + 1] ?? '');
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) collect(c, acc);
    };
    const find = (n: DomNode): void => {
      const attrs = n.attributes ?? [];
      const isMarker = attrs.some((a, i) => i % 2 === 0 && a === 'data-credlens' && attrs[i + 1] === 'marker');
      if (isMarker) {
        const acc: string[] = [];
        for (const s of n.shadowRoots ?? []) collect(s, acc);
        out.push(acc.filter((t) => !t.includes('{')).join(' ').replace(/\s+/g, ' ').trim());
        return;
      }
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) find(c);
    };
    find(root);
    return out;
  } finally {
    await cdp.detach();
  }
}
