/**
 * pdfjs for this extension page: the browser build with its worker bundled
 * into the extension (MV3 CSP: no code from elsewhere, no eval). What is read
 * and what it means lives in lib/pdf/read.ts and lib/pdf/scan.ts.
 */
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { scanPdf as scanWith, type PdfOpener, type PdfScan } from '../../lib/pdf/read';

export { MAX_PDF_BYTES, type PdfScan } from '../../lib/pdf/read';

GlobalWorkerOptions.workerSrc = workerUrl;

const openWithPdfjs: PdfOpener = async (bytes) => {
  // pdfjs transfers (detaches) the buffer it is given, so hand it a copy
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, disableFontFace: true, stopAtErrors: false });
  const doc = await task.promise;
  return { doc, close: () => task.destroy() };
};

/** Scans a PDF in this page. */
export const scanPdf = (bytes: Uint8Array): Promise<PdfScan> => scanWith(bytes, openWithPdfjs);
