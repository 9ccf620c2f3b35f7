/** rdf-canonize 5 (the RDFC-1.0 implementation jsonld.js uses) ships no types: the one call Credlens makes. */
declare module 'rdf-canonize' {
  interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    inputFormat?: 'application/n-quads';
    format?: 'application/n-quads';
    /** filled with input blank-node label → canonical label */
    canonicalIdMap?: Map<string, string>;
    maxWorkFactor?: number;
    signal?: AbortSignal;
  }
  const rdfCanonize: { canonize(input: string, options: CanonizeOptions): Promise<string> };
  export default rdfCanonize;
}
