/**
 * Input generators for the boundary properties: credential-shaped JSON with
 * forged proofs, compact JWS with hostile headers, baked-SVG text built from
 * the scanner's own tokens, URLs, and every spelling of private IPv4 hosts.
 */
import fc from 'fast-check';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

const contextArb = fc.oneof(
  fc.constant([V2]),
  fc.constant([V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']),
  fc.constant(['https://www.w3.org/2018/credentials/v1']),
  fc.constant([V2, 'https://evil.example/ctx.jsonld']),
  fc.array(fc.oneof(fc.webUrl(), fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 3 })), { maxLength: 3 }),
);
const didArb = fc.oneof(
  fc.constant('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK'),
  fc.string({ maxLength: 40 }).map((s) => `did:key:z${s}`),
  fc.domain().map((d) => `did:web:${d}`),
  fc.constantFrom('did:web:127.0.0.1', 'did:web:localhost%3A8080', 'did:jwk:e30', 'https://issuer.example/profile'),
);
const proofArb = fc.record(
  {
    type: fc.constantFrom('DataIntegrityProof', 'Ed25519Signature2020', 'Ed25519Signature2018', 'JsonWebSignature2020', 'x'),
    cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-sd-2023', 'eddsa-2022', 'bbs-2023'),
    created: fc.oneof(fc.constant('2025-01-01T00:00:00Z'), fc.string({ maxLength: 25 })),
    verificationMethod: didArb,
    proofPurpose: fc.constantFrom('assertionMethod', 'authentication', ''),
    proofValue: fc.oneof(fc.string({ maxLength: 100 }).map((s) => `z${s}`), fc.base64String({ maxLength: 120 }).map((s) => `u${s}`), fc.string({ maxLength: 90 })),
  },
  { requiredKeys: [] },
);

/** W3C/OB 3.0 credentials with random fields and a forged proof (or proofs). */
export const credentialShaped = fc.record(
  {
    '@context': contextArb,
    id: fc.oneof(fc.webUrl(), fc.uuid().map((u) => `urn:uuid:${u}`)),
    type: fc.oneof(fc.constant(['VerifiableCredential', 'OpenBadgeCredential']), fc.constant('VerifiableCredential'), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 })),
    issuer: fc.oneof(didArb, fc.record({ id: didArb, name: fc.string({ maxLength: 30 }) })),
    validFrom: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 20 })),
    validUntil: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    credentialSubject: fc.oneof(fc.record({ id: didArb, name: fc.string({ maxLength: 30 }) }), fc.jsonValue({ maxDepth: 3 })),
    credentialStatus: fc.record({ id: fc.webUrl(), type: fc.constantFrom('BitstringStatusListEntry', 'StatusList2021Entry', '1EdTechRevocationList'), statusListIndex: fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), statusListCredential: fc.webUrl() }, { requiredKeys: [] }),
    refreshService: fc.record({ id: fc.webUrl(), type: fc.string({ maxLength: 10 }) }),
    proof: fc.oneof(proofArb, fc.array(proofArb, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: ['@context', 'type', 'issuer', 'credentialSubject'] },
);

/** header.payload.signature with hostile headers (none, HS256, jku, crit, embedded jwk) and random claims. */
export const jwsShaped = fc
  .tuple(
    fc.record(
      {
        alg: fc.constantFrom('none', 'HS256', 'EdDSA', 'ES256', 'RS256', 'PS256', 'ES384', ''),
        kid: fc.oneof(didArb, fc.webUrl(), fc.constantFrom('http://169.254.169.254/latest/', 'https://issuer.example@127.0.0.1/')),
        jku: fc.webUrl(),
        x5u: fc.webUrl(),
        crit: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
        jwk: fc.record({ kty: fc.constantFrom('OKP', 'EC', 'RSA', 'oct'), crv: fc.constantFrom('Ed25519', 'P-256'), x: fc.base64String({ maxLength: 44 }), d: fc.base64String({ maxLength: 44 }) }, { requiredKeys: ['kty'] }),
        typ: fc.constantFrom('JWT', 'vc+jwt', 'vc+ld+json+jwt'),
      },
      { requiredKeys: ['alg'] },
    ),
    fc.oneof(credentialShaped.map((vc) => ({ vc, iss: vc.issuer, jti: vc.id })), credentialShaped, fc.jsonValue({ maxDepth: 3 })),
    fc.oneof(fc.constant(''), fc.uint8Array({ minLength: 1, maxLength: 600 }).map((b) => Buffer.from(b).toString('base64url'))),
  )
  .map(([header, payload, signature]) => `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`);

const SVG_TOKENS = [
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">', '</svg>',
  '<openbadges:credential', '<openbadges:assertion', ' verify="', '"', "'", '>', '/>', '</openbadges:credential>', '</openbadges:assertion>',
  '<![CDATA[', ']]>', '<!DOCTYPE svg [', '<!ENTITY lol "lol">', ']>', '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
  '&amp;', '&#x41;', '&#65;', '&lol;', '&#xFFFFFFF;', '{"a":1}', 'eyJhbGciOiJub25lIn0.e30.', 'https://issuer.example/a.json', '<', '<!--', '-->',
];

/** Baked-SVG-like text from the scanner's own tokens and random strings. */
export const svgText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SVG_TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 30 })
  .map((parts) => parts.join(''));

/** URLs and near-URLs: random web URLs, odd schemes, userinfo, ports, IPv6 and numeric hosts. */
export const urlText = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 80 }),
  fc.tuple(fc.constantFrom('https://', 'http://', 'ftp://', 'javascript:', 'data:', 'file://', 'HTTPS://'), fc.constantFrom('', 'user:pw@', 'a@'), fc.oneof(fc.domain(), fc.ipV4(), fc.ipV4Extended(), fc.ipV6().map((h) => `[${h}]`), fc.nat().map(String)), fc.constantFrom('', ':443', ':8443', ':80', '.'), fc.constantFrom('/', '/did.json', '')).map((p) => p.join('')),
);

const PRIVATE_V4: [number, number][] = [[10, 8], [127, 8], [169 * 256 + 254, 16], [192 * 256 + 168, 16], [172 * 16 + 1, 12], [0, 8], [100 * 4 + 1, 10]];

/** A private, loopback or link-local IPv4 address, spelled in any of the ways SSRF bypasses use (decimal, hex, short IPv4; SECURITY.md attack 19). */
export const privateIpv4Spellings = fc
  .tuple(fc.nat({ max: PRIVATE_V4.length - 1 }), fc.nat(), fc.nat({ max: 6 }), fc.constantFrom('https://', 'http://'))
  .map(([which, rand, spelling, scheme]) => {
    const [prefix, bits] = PRIVATE_V4[which]!;
    const n = ((prefix * 2 ** (32 - bits)) + (rand % 2 ** (32 - bits))) >>> 0;
    const o = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
    const host = [
      o.join('.'),
      String(n),
      `0x${n.toString(16)}`,
      o.map((x) => `0x${x.toString(16)}`).join('.'),
      `${o[0]}.${n & 0xffffff}`,
      `[::ffff:${o.join('.')}]`,
      `${o.join('.')}.`,
    ][spelling]!;
    return `${scheme}${host}/did.json`;
  });
