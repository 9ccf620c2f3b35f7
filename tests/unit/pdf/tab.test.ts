import { describe, expect, it } from 'vitest';
import { isPdfTabUrl, pdfUrlFromLocation, verifyPagePath } from '../../../lib/pdf/tab';

describe('isPdfTabUrl', () => {
  it.each([
    ['https://cv.example/ada-lovelace.PDF', true],
    ['file:///home/ada/cv.pdf', true],
    ['https://cv.example/cv.pdf?download=1', true],
    ['https://cv.example/cv.pdf.html', false],
    ['chrome://newtab', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isPdfTabUrl(url)).toBe(expected);
  });
});

describe('verifyPagePath', () => {
  it('encodes the PDF address as one query parameter', () => {
    const path = verifyPagePath('https://cv.example/a b.pdf?x=1&y=2');
    expect(path).toBe('/verify.html?pdf=https%3A%2F%2Fcv.example%2Fa%20b.pdf%3Fx%3D1%26y%3D2');
    expect(new URLSearchParams(path.split('?')[1]).get('pdf')).toBe('https://cv.example/a b.pdf?x=1&y=2');
    expect(verifyPagePath()).toBe('/verify.html');
  });
});

describe('pdfUrlFromLocation', () => {
  it('round-trips verifyPagePath and refuses other schemes', () => {
    expect(pdfUrlFromLocation(verifyPagePath('https://cv.example/cv.pdf').slice('/verify.html'.length))).toBe('https://cv.example/cv.pdf');
    expect(pdfUrlFromLocation('?pdf=javascript%3Aalert(1)')).toBeUndefined();
    expect(pdfUrlFromLocation('?pdf=chrome-extension%3A%2F%2Fabc%2Fx.pdf')).toBeUndefined();
    expect(pdfUrlFromLocation('?other=1')).toBeUndefined();
  });
});
