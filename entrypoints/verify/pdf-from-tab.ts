/**
 * The popup's "scan this PDF" flow opens verify.html?pdf=<url> for the PDF
 * shown in the active tab. Fetched here directly with fetch(), not through
 * the engine's safe fetch: the user started it, and the URL is the tab's own
 * document the browser has already loaded, not a URL a page handed us.
 * Still bounded: https/http/file only, a timeout, and a size cap.
 */
import { browser } from 'wxt/browser';
import { MAX_PDF_BYTES } from './pdf-reader';

export { pdfUrlFromLocation } from '../../lib/pdf/tab';

const FETCH_TIMEOUT_MS = 15_000;

/** Reads the body, refusing more than MAX_PDF_BYTES even when Content-Length lies. */
async function readCapped(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_PDF_BYTES) throw new RangeError('PDF too large');
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).slice(0, MAX_PDF_BYTES);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_PDF_BYTES) {
      await reader.cancel();
      throw new RangeError('PDF too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) out.set(c, (offset += c.length) - c.length);
  return out;
}

/** Fetches the tab's PDF; throws on network errors, HTTP errors and oversize. */
export async function fetchTabPdf(url: string): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'include', redirect: 'follow' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await readCapped(response);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks for access to the PDF's site only (within the optional https://*\/*
 * permission), when the popup's temporary tab access did not reach this page.
 */
export async function requestSiteAccess(url: string): Promise<boolean> {
  const { protocol, origin } = new URL(url);
  if (protocol !== 'https:') return false;
  try {
    return await browser.permissions.request({ origins: [`${origin}/*`] });
  } catch {
    return false;
  }
}
