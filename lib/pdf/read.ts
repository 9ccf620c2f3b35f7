/**
 * Reads what a PDF holds for scan.ts: page text, link annotations and
 * embedded files. pdfjs is injected (the verify page passes the browser
 * build with its bundled worker; tests pass the Node build), so this file
 * never loads pdfjs itself and the engine never touches PDFs.
 */
import { MAX_ATTACHMENT_BYTES, scanPdfPages, verifiableAttachments, type PdfFinding, type PdfPageContent } from './scan';

/** A CV is a few pages; a 2,000-page PDF is not worth scanning in full. */
export const MAX_PDF_PAGES = 100;
export const MAX_PDF_BYTES = 25 * 1024 * 1024;

/** The slice of a pdfjs document this module uses. */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: unknown[] }>;
    getAnnotations(): Promise<unknown[]>;
    cleanup(): unknown;
  }>;
  getAttachments(): Promise<unknown>;
}

/** Opens bytes as a document and returns it with a way to release it. */
export type PdfOpener = (bytes: Uint8Array) => Promise<{ doc: PdfDocumentLike; close: () => Promise<void> }>;

/** What a PDF holds for verification. */
export interface PdfScan {
  findings: PdfFinding[];
  /** bytes of the verifiable attachments, by file name */
  attachments: Map<string, Uint8Array>;
  pages: number;
  truncated: boolean;
}

interface TextLike {
  str?: unknown;
  hasEOL?: unknown;
}

async function readPage(doc: PdfDocumentLike, n: number): Promise<PdfPageContent> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  const text = (content.items as TextLike[]).map((i) => (typeof i.str === 'string' ? i.str : '') + (i.hasEOL ? '\n' : '')).join('');
  const annotations = (await page.getAnnotations()) as Array<{ subtype?: unknown; url?: unknown; unsafeUrl?: unknown }>;
  // url is pdfjs's sanitised absolute form of /URI, unsafeUrl the raw one; scanning keeps only http(s) anyway
  const links = annotations
    .filter((a) => a.subtype === 'Link')
    .map((a) => a.url ?? a.unsafeUrl)
    .filter((u): u is string => typeof u === 'string');
  page.cleanup();
  return { page: n, text, links };
}

/** Embedded files small enough to check, by file name. */
async function readAttachments(doc: PdfDocumentLike): Promise<Map<string, Uint8Array>> {
  const raw = ((await doc.getAttachments()) ?? {}) as Record<string, { filename?: unknown; content?: unknown }>;
  const files = new Map<string, Uint8Array>();
  for (const [key, a] of Object.entries(raw)) {
    const name = (typeof a.filename === 'string' && a.filename ? a.filename : key).slice(0, 200);
    if (a.content instanceof Uint8Array && a.content.length <= MAX_ATTACHMENT_BYTES) files.set(name, a.content);
  }
  return files;
}

/** Scans a PDF for credential links, JWS and credential attachments. Throws on an unreadable or oversized PDF. */
export async function scanPdf(bytes: Uint8Array, open: PdfOpener): Promise<PdfScan> {
  if (bytes.length > MAX_PDF_BYTES) throw new RangeError('PDF too large');
  const { doc, close } = await open(bytes);
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
    await close();
  }
}
