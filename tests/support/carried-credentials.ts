/**
 * Credentials that carry credentials, as OB 3.0 and CLR 2.0 issuers build
 * them: achievement credentials, endorsements of an issuer or an achievement,
 * and CLR transcripts of achievement credentials. Signed by the caller (e.g.
 * with `thirdPartyIssuer()`), so tests sign the inner credentials first and
 * the container over them, or tamper an inner one before the container is
 * signed, as a forger assembling a transcript would.
 */
type Json = Record<string, unknown>;

export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
export const CLR_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];

export const LEARNER = 'did:example:learner';

const profile = (id: string, name: string) => ({ id, type: ['Profile'], name });
const uuid = (n: number) => `urn:uuid:6b8f5a52-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An OB 3.0 AchievementCredential for `LEARNER`, unsigned. */
export function achievementCredential(issuer: string, n: number, extra: Json = {}, achievement: Json = {}): Json {
  return {
    '@context': OB3_CONTEXT,
    id: uuid(n),
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: profile(issuer, 'Example School'),
    validFrom: '2025-01-01T00:00:00Z',
    name: `Course ${n}`,
    credentialSubject: {
      id: LEARNER,
      type: ['AchievementSubject'],
      achievement: {
        id: `https://school.example/achievements/${n}`,
        type: ['Achievement'],
        name: `Course ${n}`,
        description: 'A course of the programme',
        criteria: { narrative: 'Passed the written examination' },
        ...achievement,
      },
    },
    ...extra,
  };
}

/** An OB 3.0 EndorsementCredential by `endorser` about `subjectId` (an issuer or an achievement), unsigned. */
export function endorsementCredential(endorser: string, subjectId: string, n: number, extra: Json = {}): Json {
  return {
    '@context': OB3_CONTEXT,
    id: uuid(1000 + n),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    issuer: profile(endorser, 'Accreditation Council'),
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Programme endorsement',
    credentialSubject: { id: subjectId, type: ['EndorsementSubject'], endorsementComment: 'Accredited programme, reviewed 2025' },
    ...extra,
  };
}

/** A CLR 2.0 ClrCredential for `LEARNER` carrying `credentials` (signed achievement credentials or compact JWS), unsigned. */
export function clrCredential(issuer: string, credentials: unknown[], extra: Json = {}): Json {
  return {
    '@context': CLR_CONTEXT,
    id: uuid(9000),
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: profile(issuer, 'Example University'),
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Transcript',
    credentialSubject: { id: LEARNER, type: ['ClrSubject'], verifiableCredential: credentials },
    ...extra,
  };
}
