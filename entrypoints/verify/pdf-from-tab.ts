/**
 * The popup's "scan this PDF" flow opens verify.html?pdf=<url> for the PDF
 * shown in the active tab. It is read through lib/engine/net/safe-fetch.ts like every
 * other fetch: with the tab's cookies for that one address only, redirects
 * refused, a timeout and a size cap (SECURITY.md network policy).
 */
import { browser } from 'wxt/browser';
import { fetchTabPdf as fetchTabDocument } from '../../lib/engine';

export { pdfUrlFromLocation } from '../../lib/pdf/tab';

/** Fetches the tab's PDF; throws on network errors, HTTP errors, redirects and oversize. */
export const fetchTabPdf = (url: string): Promise<Uint8Array> => fetchTabDocument(url);

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
