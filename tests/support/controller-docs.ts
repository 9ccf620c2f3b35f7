/**
 * Controller documents for the https verification methods of the 1EdTech
 * OB 3.0 samples, whose issuer URL does not resolve. PROVENANCE.md: the
 * fragment is the Ed25519 multikey, and "tests may serve a controller
 * document for that URL through an injected fetch to confirm the signature
 * itself". Only tests do this; the product never reads a key from a fragment.
 */
/** The OB 3.0 Implementation Guide test key, and the key the baked 1EdTech samples name. */
const GUIDE_KEY = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
const SAMPLE_KEY = 'z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x';

function controllerDocument(id: string, multikeys: string[]): string {
  const methods = multikeys.map((k) => ({ id: `${id}#${k}`, type: 'Multikey', controller: id, publicKeyMultibase: k }));
  return JSON.stringify({
    '@context': ['https://www.w3.org/ns/cid/v1'],
    id,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  });
}

/** URL → document, to pass as `extra` to createFixtureTransport. */
export const ONE_EDTECH_CONTROLLERS: Record<string, string> = {
  'https://1edtech.edu/issuers/565049': controllerDocument('https://1edtech.edu/issuers/565049', [GUIDE_KEY]),
  'https://example.com/issuers/876543': controllerDocument('https://example.com/issuers/876543', [GUIDE_KEY, SAMPLE_KEY]),
};
