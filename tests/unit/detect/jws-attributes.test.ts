/** Where compact JWS strings are looked for, now that the scan avoids visiting every attribute of a page. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectJws } from '../../../lib/detect/generic';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jws = `${b64({ alg: 'ES256', typ: 'vc+jwt' })}.${b64({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:1' } })}.${'A'.repeat(86)}`;

describe('detectJws', () => {
  it.each(['href', 'value', 'content', 'data-jwt', 'data-vc', 'data-credential'])('finds a token in the %s attribute', (attr) => {
    const { document } = parseHTML(`<html><body><div><span ${attr}="${jws}">x</span></div></body></html>`);
    expect(detectJws(document).map((f) => f.candidate.value)).toEqual([jws]);
  });

  it('finds a token in text, and nothing on a page without one', () => {
    expect(detectJws(parseHTML(`<html><body><p>My badge: ${jws}</p></body></html>`).document)).toHaveLength(1);
    expect(detectJws(parseHTML('<html><body><p>eyJ is not enough</p><a href="/x">y</a></body></html>').document)).toHaveLength(0);
  });
});
