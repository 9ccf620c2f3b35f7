/**
 * Reads a PDF with pdfjs in this extension page (never in the service worker
 * or the engine): page text, link annotations and embedded files. What they
 * contain is decided by lib/pdf/scan.ts.
 */
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { MAX_ATTACHMENT_BYTES, scanPdfPages, verifiableAttachments, type PdfFinding, type PdfPageContent } from '../../lib/pdf/scan';

// The worker is bundled with the extension: pdfjs never loads code from elsewhere (MV3 CSP).
GlobalWorkerOptions.workerSrc = workerUrl;

/** A CV is a few pages; a 2,000-page PDF is not worth scanning in full. */
export const MAX_PDF_PAGES = 100;
export const MAX_PDF_BYTES = 25 * 1024 * 1024;

export interface PdfScan {
  findings: PdfFinding[];
  /** bytes of the verifiable attachments, by file name */
  attachments: Map<string, Uint8Array>;
  pages: number;
  truncated: boolean;
}

interface TextLike {
  str?: string;
  hasEOL?: boolean;
}

async function readPage(doc: Awaited<ReturnType<typeof getDocument>['promise']>, n: number): Promise<PdfPageContent> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  const text = (content.items as TextLike[]).map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join('');
  const annotations = (await page.getAnnotations()) as Array<{ subtype?: string; url?: string; unsafeUrl?: string }>;
  // unsafeUrl is the raw /URI; url is pdfjs's sanitised absolute form. Only http(s) survives scanning anyway.
  const links = annotations.filter((a) => a.subtype === 'Link').map((a) => a.url ?? a.unsafeUrl).filter((u): u is string => typeof u === 'string');
  page.cleanup();
  return { page: n, text, links };
}

async function readAttachments(doc: Awaited<ReturnType<typeof getDocument>['promise']>): Promise<Map<string, Uint8Array>> {
  const raw = ((await doc.getAttachments()) ?? {}) as Record<string, { filename?: string; content?: Uint8Array }>;
  const files = new Map<string, Uint8Array>();
  for (const [key, a] of Object.entries(raw)) {
    const name = (a.filename || key).slice(0, 200);
    if (a.content instanceof Uint8Array && a.content.length <= MAX_ATTACHMENT_BYTES) files.set(name, a.content);
  }
  return files;
}

/** Scans a PDF for credential links, JWS and credential attachments. Throws on an unreadable PDF. */
export async function scanPdf(bytes: Uint8Array): Promise<PdfScan> {
  if (bytes.length > MAX_PDF_BYTES) throw new RangeError('PDF too large');
  const task = getDocument({ data: bytes.slice(), // pdfjs transfers (detaches) the buffer it is given
     isEvalSupported: false, enableXfa: false, disableFontFace: true, stopAtErrors: false });
  const doc = await task.promise;
  try {
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    const pages: PdfPageContent[] = [];
    for (let n = 1; n <= count; n++) pages.push(await readPage(doc, n));
    const attachments = await readAttachments(doc);
    const listed = verifiableAttachments([...attachments].map(([filename, content]) => ({ filename, size: content.length })));
    const keep = new Set(listed.map((f) => f.value));
    for (const name of [...attachments.keys()]) if (!keep.has(name)) attachments.delete(name);
    return { findings: [...scanPdfPages(pages), ...listed], attachments, pages: doc.numPages, truncated: doc.numPages > count };
  } finally {
    await task.destroy();
  }
}
