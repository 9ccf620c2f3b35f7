/**
 * The popup's "scan this PDF" entry: when the active tab shows a PDF, the
 * popup opens the verify page with the PDF's address; the verify page reads
 * it there (never the service worker or the engine).
 */

/** True when a tab URL looks like a PDF document (by path, as the tab's MIME type is not exposed). */
export function isPdfTabUrl(tabUrl: string | undefined): boolean {
  if (!tabUrl) return false;
  try {
    const url = new URL(tabUrl);
    return ['https:', 'http:', 'file:'].includes(url.protocol) && /\.pdf$/i.test(url.pathname);
  } catch {
    return false;
  }
}

/**
 * Extension path of the verify page, optionally with the tab's PDF to scan.
 *
 * @example
 * browser.tabs.create({ url: browser.runtime.getURL(verifyPagePath(tab.url)) });
 */
export function verifyPagePath(pdfUrl?: string): string {
  return pdfUrl ? `/verify.html?pdf=${encodeURIComponent(pdfUrl)}` : '/verify.html';
}

/** The `pdf` parameter of the verify page's query string, when it is a web or file URL. */
export function pdfUrlFromLocation(search: string): string | undefined {
  const raw = new URLSearchParams(search).get('pdf');
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return ['https:', 'http:', 'file:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
