/**
 * LinkedIn test pages beside the entries a person reads on them
 * (`<page>.html` + `<page>.expected.json`), for the readers' page tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { readLinkedInCertifications } from '../../lib/detect/linkedin';

/** One certification entry as a person reads it on the page. */
export interface ExpectedEntry {
  title: string;
  issuer: string | null;
  issued: string | null;
  expires: string | null;
  credentialId: string | null;
  link: string | null;
}

/** Every `.html` page of `dir` (sorted) with its expected-entries file. */
export function loadPages<Expected>(dir: string): Array<{ file: string; html: string; expected: Expected }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => ({
      file,
      html: readFileSync(path.join(dir, file), 'utf8'),
      expected: JSON.parse(readFileSync(path.join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected,
    }));
}

export const parse = (html: string): Document => parseHTML(html).document as unknown as Document;

/** The entries the reader returns, in the expected files' shape. */
export const claims = (root: Document | Element, pageUrl: string): ExpectedEntry[] =>
  readLinkedInCertifications(root, pageUrl).map(({ title, issuer, issued, expires, credentialId, link }) => ({ title, issuer, issued, expires, credentialId, link }));
