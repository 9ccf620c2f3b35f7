/**
 * Controller documents for the https verification methods of the 1EdTech
 * OB 3.0 samples, whose issuer URL does not resolve. PROVENANCE.md: the
 * fragment is the Ed25519 multikey, and "tests may serve a controller
 * document for that URL through an injected fetch to confirm the signature
 * itself". Only tests do this; the product never reads a key from a fragment.
 */
const ISSUER = 'https://1edtech.edu/issuers/565049';
const KEY = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

function controllerDocument(id: string, multikey: string): string {
  const vm = `${id}#${multikey}`;
  return JSON.stringify({
    '@context': ['https://www.w3.org/ns/cid/v1'],
    id,
    verificationMethod: [{ id: vm, type: 'Multikey', controller: id, publicKeyMultibase: multikey }],
    assertionMethod: [vm],
  });
}

/** URL → document, to pass as `extra` to createFixtureTransport. */
export const ONE_EDTECH_CONTROLLERS: Record<string, string> = {
  [ISSUER]: controllerDocument(ISSUER, KEY),
  'https://example.com/issuers/876543': controllerDocument('https://example.com/issuers/876543', KEY),
};
