/**
 * What a credential says according to its signed dataset: the canonical
 * N-Quads an RDFC proof signs (vc-di-eddsa §3.3.4, vc-di-ecdsa §3.2.4). The
 * engine reads JSON members; lib/engine/checks/signed-meaning.ts compares each
 * member it read with the statements read here, so a JSON spelling that
 * hides or moves a signed statement is caught (SECURITY.md row 43).
 */
import { Graph, RDF_TYPE, parseNQuads, type Term } from './nquads';

const CRED = 'https://www.w3.org/2018/credentials#';
const SEC = 'https://w3id.org/security#';
const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const CLR = 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#';
const STATUS = 'https://www.w3.org/ns/credentials/status#';
const STATUS_2021 = 'https://w3id.org/vc/status-list#';
const schema = (term: string) => [`https://schema.org/${term}`, `http://schema.org/${term}`];

/**
 * The IRIs each JSON member the engine reads stands for, in every bundled
 * context (tests/unit/engine/jsonld/signed-reading.test.ts expands each context to
 * keep this table true). Several IRIs: the OB 3.0 contexts renamed some
 * terms between versions (`achievement-0`, `Criteria`, `Image`).
 */
export const READ_AS = {
  validFrom: [`${CRED}validFrom`, `${CRED}issuanceDate`],
  validUntil: [`${CRED}validUntil`, `${CRED}expirationDate`],
  issuer: [`${CRED}issuer`],
  credentialSubject: [`${CRED}credentialSubject`],
  credentialStatus: [`${CRED}credentialStatus`],
  name: schema('name'),
  description: schema('description'),
  url: [...schema('url'), `${OB}url`],
  image: [`${OB}image`, `${OB}Image`],
  achievement: [`${OB}achievement`, `${OB}achievement-0`, `${OB}Achievement`, `${CLR}achievement`],
  achievementType: [`${OB}achievementType`],
  criteria: [`${OB}Criteria`, `${OB}criteria`],
  narrative: [`${OB}narrative`],
  identifier: [`${OB}identifier`, `${CLR}identifier-1`],
  identityHash: [`${OB}identityHash`],
  identityType: [`${OB}identityType`],
  hashed: [`${OB}hashed`],
  salt: [`${OB}salt`],
  statusListCredential: [`${STATUS}statusListCredential`, `${STATUS_2021}statusListCredential`],
  statusListIndex: [`${STATUS}statusListIndex`, `${STATUS_2021}statusListIndex`],
  statusPurpose: [`${STATUS}statusPurpose`, `${STATUS_2021}statusPurpose`],
  expires: [`${SEC}expiration`],
  created: ['http://purl.org/dc/terms/created'],
  verificationMethod: [`${SEC}verificationMethod`],
  proofPurpose: [`${SEC}proofPurpose`],
  cryptosuite: [`${SEC}cryptosuite`],
} as const;

export const VERIFIABLE_CREDENTIAL = `${CRED}VerifiableCredential`;
const PROOF_TYPES = [`${SEC}DataIntegrityProof`, `${SEC}Ed25519Signature2020`, `${SEC}Ed25519Signature2018`, `${SEC}JsonWebSignature2020`];

/** The text of a term: an IRI, or a literal's lexical form; blank nodes have none. */
const textOf = (t: Term): string | undefined => (t.kind === 'blank' ? undefined : t.value);
const texts = (terms: Term[]): string[] => terms.flatMap((t) => textOf(t) ?? []);
/** A type IRI's own name (`…#OpenBadgeCredential` → `OpenBadgeCredential`), as JSON writes it. */
export const localName = (iri: string): string => iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);

export interface SignedIdentifier {
  identityHash: string[];
  identityType: string[];
  hashed: string[];
  salt: string[];
}

export interface SignedAchievement {
  id?: string;
  name: string[];
  description: string[];
  achievementType: string[];
  narrative: string[];
  criteriaId: string[];
  image: string[];
}

export interface SignedSubject {
  id?: string;
  name: string[];
  achievements: SignedAchievement[];
  identifiers: SignedIdentifier[];
}

export interface SignedStatus {
  id?: string;
  types: string[];
  statusListCredential: string[];
  statusListIndex: string[];
  statusPurpose: string[];
}

/** The signed statements about the credential that the report and the popup use. */
export interface SignedCredential {
  id?: string;
  types: string[];
  validFrom: string[];
  validUntil: string[];
  issuers: { id?: string; name: string[]; url: string[]; image: string[] }[];
  name: string[];
  description: string[];
  image: string[];
  subjects: SignedSubject[];
  statuses: SignedStatus[];
}

export interface SignedProof {
  types: string[];
  expires: string[];
  created: string[];
  verificationMethod: string[];
  proofPurpose: string[];
  cryptosuite: string[];
}

/**
 * Reads the credential node of a canonical dataset: the node named
 * `credentialId`, else the one VerifiableCredential in the default graph
 * that nothing refers to. Undefined when there is no single such node.
 */
export function readSignedCredential(nquads: string, credentialId?: string): SignedCredential | undefined {
  const graph = new Graph(parseNQuads(nquads));
  const root = credentialId !== undefined ? findNamed(graph, credentialId) : single(graph.unreferencedOfType(VERIFIABLE_CREDENTIAL));
  if (!root) return undefined;
  const values = (node: Term, field: keyof typeof READ_AS) => texts(graph.objects(node, READ_AS[field]));
  const idOf = (node: Term) => (node.kind === 'iri' ? { id: node.value } : {});
  const achievement = (node: Term): SignedAchievement => ({
    ...idOf(node),
    name: values(node, 'name'),
    description: values(node, 'description'),
    achievementType: values(node, 'achievementType').map(localName),
    narrative: graph.objects(node, READ_AS.criteria).flatMap((c) => values(c, 'narrative')),
    criteriaId: texts(graph.objects(node, READ_AS.criteria)),
    image: values(node, 'image'),
  });
  const identifier = (node: Term): SignedIdentifier => ({
    identityHash: values(node, 'identityHash'),
    identityType: values(node, 'identityType').map(localName),
    hashed: values(node, 'hashed'),
    salt: values(node, 'salt'),
  });
  return {
    ...idOf(root),
    types: texts(graph.objects(root, [RDF_TYPE])).map(localName),
    validFrom: values(root, 'validFrom'),
    validUntil: values(root, 'validUntil'),
    issuers: graph.objects(root, READ_AS.issuer).map((n) => ({ ...idOf(n), name: values(n, 'name'), url: values(n, 'url'), image: values(n, 'image') })),
    name: values(root, 'name'),
    description: values(root, 'description'),
    image: values(root, 'image'),
    subjects: graph.objects(root, READ_AS.credentialSubject).map((n) => ({
      ...idOf(n),
      name: values(n, 'name'),
      achievements: graph.objects(n, READ_AS.achievement).map(achievement),
      identifiers: graph.objects(n, READ_AS.identifier).map(identifier),
    })),
    statuses: graph.objects(root, READ_AS.credentialStatus).map((n) => ({
      ...idOf(n),
      types: texts(graph.objects(n, [RDF_TYPE])).map(localName),
      statusListCredential: values(n, 'statusListCredential'),
      statusListIndex: values(n, 'statusListIndex'),
      statusPurpose: values(n, 'statusPurpose'),
    })),
  };
}

/** Reads the proof node of a canonical proof configuration (vc-data-integrity §4.2 step 3). */
export function readSignedProof(nquads: string): SignedProof | undefined {
  const graph = new Graph(parseNQuads(nquads));
  const root = single(PROOF_TYPES.flatMap((t) => graph.unreferencedOfType(t)));
  if (!root) return undefined;
  const values = (field: keyof typeof READ_AS) => texts(graph.objects(root, READ_AS[field]));
  return {
    types: texts(graph.objects(root, [RDF_TYPE])).map(localName),
    expires: values('expires'),
    created: values('created'),
    verificationMethod: values('verificationMethod'),
    proofPurpose: values('proofPurpose').map(localName),
    cryptosuite: values('cryptosuite'),
  };
}

function findNamed(graph: Graph, id: string): Term | undefined {
  const node: Term = { kind: 'iri', value: id };
  return graph.hasType(node, VERIFIABLE_CREDENTIAL) ? node : undefined;
}

const single = (terms: Term[]): Term | undefined => (terms.length === 1 ? terms[0] : undefined);
