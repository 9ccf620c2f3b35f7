import { generateKeyPair, SignJWT } from 'jose';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { MAX_PDF_BYTES, MAX_PDF_PAGES, scanPdf, type PdfDocumentLike, type PdfOpener } from '../../../lib/pdf/read';
import { makePdf } from './make-pdf';

/** The real pdfjs (Node build), as the verify page uses the browser build. */
const openWithPdfjs: PdfOpener = async (bytes) => {
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  return { doc: doc as unknown as PdfDocumentLike, close: () => task.destroy() };
};

const CREDLY = 'https://www.credly.com/badges/0b4a4d2e-6d43-4b8f-9a56-2b0f8a8a7c11';
const ASSERTION = 'https://badges.uni.example/assertions/abcdef123456';

describe('scanPdf with pdfjs', () => {
  it('finds a text URL, a link annotation, a JWS wrapped over lines and a credential attachment', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const jws = await new SignJWT({ vc: { type: ['VerifiableCredential'], issuer: 'did:example:i' } }).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey);
    const credential = new TextEncoder().encode('{"type":["VerifiableCredential"]}');
    const pdf = makePdf({
      lines: ['Ada Lovelace - Curriculum Vitae', `Certified: ${CREDLY}`, 'Signed credential:', ...jws.match(/.{1,70}/g)!, 'References on request'],
      links: [ASSERTION, 'https://www.uni.example/about'],
      attachments: [
        { name: 'badge.json', content: credential },
        { name: 'notes.docx', content: new Uint8Array([1, 2, 3]) },
      ],
    });
    const scan = await scanPdf(pdf, openWithPdfjs);
    expect(scan.pages).toBe(1);
    expect(scan.truncated).toBe(false);
    expect(scan.findings).toEqual([
      { kind: 'link', value: ASSERTION, page: 1 },
      { kind: 'link', value: CREDLY, platform: 'credly', page: 1 },
      { kind: 'jws', value: jws, page: 1 },
      { kind: 'attachment', value: 'badge.json' },
    ]);
    expect([...scan.attachments.keys()]).toEqual(['badge.json']);
    expect(scan.attachments.get('badge.json')).toEqual(credential);
  });

  it('reports nothing for a PDF without credentials', async () => {
    const scan = await scanPdf(makePdf({ lines: ['Just a letter.'], links: ['https://www.example.com/'] }), openWithPdfjs);
    expect(scan.findings).toEqual([]);
  });

  it('rejects bytes that are not a PDF', async () => {
    await expect(scanPdf(new TextEncoder().encode('not a pdf'), openWithPdfjs)).rejects.toThrow();
  });
});

describe('scanPdf bounds', () => {
  it('refuses an oversized PDF before opening it', async () => {
    let opened = false;
    const open: PdfOpener = async () => ((opened = true), { doc: fakeDoc(1), close: async () => undefined });
    await expect(scanPdf(new Uint8Array(MAX_PDF_BYTES + 1), open)).rejects.toThrow(RangeError);
    expect(opened).toBe(false);
  });

  it(`reads at most ${MAX_PDF_PAGES} pages, says so, and always closes the document`, async () => {
    let read = 0;
    let closed = false;
    const doc = fakeDoc(5000, () => read++);
    const scan = await scanPdf(new Uint8Array(10), async () => ({ doc, close: async () => void (closed = true) }));
    expect(read).toBe(MAX_PDF_PAGES);
    expect(scan).toMatchObject({ pages: 5000, truncated: true });
    expect(closed).toBe(true);
  });
});

function fakeDoc(numPages: number, onPage: () => void = () => undefined): PdfDocumentLike {
  return {
    numPages,
    async getPage() {
      onPage();
      return { getTextContent: async () => ({ items: [{ str: 'text' }] }), getAnnotations: async () => [], cleanup: () => undefined };
    },
    getAttachments: async () => null,
  };
}
