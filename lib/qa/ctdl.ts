/**
 * Credential Engine / CTDL (Credential Transparency Description Language)
 * facts a badge may carry: which CTDL credential class it names, and where
 * the Credential Engine registry describes its achievement or issuer. Both are
 * statements the issuer makes; the registry page is offered as a link the
 * recruiter can open, never fetched (SECURITY.md rule 5: the popup fetches
 * nothing a credential points to).
 */
import { isRecord, list, plain } from './text';
import type { RegistryLink } from './types';

/**
 * CTDL credential classes (`ceterms:…`) Credlens names in plain words. The
 * ones that are also OB 3.0 `achievementType` values are spelled the same in
 * both vocabularies (Credential Engine's own Open Badges → CTDL mapping lists
 * them as direct mappings); `DigitalBadge` and `OpenBadge` exist only as
 * `ceterms:` types. Locale keys `ctdl_<Class>` hold the words.
 */
export const CTDL_CREDENTIAL_CLASSES = [
  'ApprenticeshipCertificate', 'AssociateDegree', 'BachelorDegree', 'Badge', 'Certificate', 'CertificateOfCompletion',
  'Certification', 'Degree', 'DigitalBadge', 'Diploma', 'DoctoralDegree', 'GeneralEducationDevelopment',
  'JourneymanCertificate', 'License', 'MasterCertificate', 'MasterDegree', 'MicroCredential', 'OpenBadge',
  'ProfessionalDoctorate', 'QualityAssuranceCredential', 'ResearchDoctorate', 'SecondarySchoolDiploma',
] as const;
export type CtdlCredentialClass = (typeof CTDL_CREDENTIAL_CLASSES)[number];

/** OB 3.0 AchievementType values with no CTDL class of the same name (Credential Engine maps them to OpenBadge). */
const CTDL_ONLY: ReadonlySet<string> = new Set(['DigitalBadge', 'OpenBadge']);
const KNOWN: ReadonlySet<string> = new Set(CTDL_CREDENTIAL_CLASSES);

/** The CTDL class a type value names: `ceterms:MicroCredential`, its full IRI, or an achievementType spelled as a CTDL class. */
export function ctdlClassOf(value: string | undefined): CtdlCredentialClass | undefined {
  if (!value) return undefined;
  const prefixed = /^(?:ceterms:|https?:\/\/purl\.org\/ctdl\/terms\/)(\w+)$/.exec(value)?.[1];
  if (prefixed !== undefined) return KNOWN.has(prefixed) ? (prefixed as CtdlCredentialClass) : undefined;
  return KNOWN.has(value) && !CTDL_ONLY.has(value) ? (value as CtdlCredentialClass) : undefined;
}

/** A CTID: `ce-` and a UUID (Credential Engine "CTID" policy). */
const CTID = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CTID_IN_PATH = /\/(ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i;

/** Registry hosts: the registry itself (production and sandbox) and its Credential Finder front ends. */
function registryHost(url: URL): { sandbox: boolean } | undefined {
  const host = url.hostname.toLowerCase();
  if (host === 'credentialengineregistry.org' || host.endsWith('.credentialengineregistry.org')) return { sandbox: /^(?:sandbox|staging)\./.test(host) };
  if (host === 'credentialfinder.org' || host === 'www.credentialfinder.org') return { sandbox: false };
  if (/^(?:sandbox|staging)\.credentialengine\.org$/.test(host) && url.pathname.startsWith('/finder/')) return { sandbox: true };
  return undefined;
}

/** A registry link from one value: a registry https URL, or a bare CTID (linked to its Credential Finder page). */
function linkOf(value: string | undefined, source: string): RegistryLink | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (CTID.test(trimmed)) {
    const ctid = trimmed.toLowerCase();
    return { ctid, url: `https://credentialfinder.org/resources/${ctid}`, source, sandbox: false };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  // only https: the link is opened in the recruiter's browser
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  const host = registryHost(url);
  if (!host) return undefined;
  const ctid = CTID_IN_PATH.exec(url.pathname)?.[1]?.toLowerCase();
  return { ...(ctid ? { ctid } : {}), url: url.href, source, sandbox: host.sandbox };
}

export interface CtdlFacts {
  ctdlType?: CtdlCredentialClass;
  registry: RegistryLink[];
}

/**
 * Reads an achievement (OB 3.0 Achievement or OB 2.0 BadgeClass) and its
 * issuer profile: the CTDL class from `achievementType` or a `ceterms:` type,
 * and registry links from the achievement's id, its alignments' targetUrl /
 * targetCode and the `otherIdentifier`s of the achievement and the issuer.
 */
export function readCtdl(achievement: Record<string, unknown>, issuer: Record<string, unknown>, paths: { achievement: string; issuer: string }): CtdlFacts {
  const types = [plain(achievement.achievementType), ...list(achievement.type).map(plain)];
  const ctdlType = types.map(ctdlClassOf).find((t) => t !== undefined);
  const candidates: Array<[string | undefined, string]> = [[plain(achievement.id), `${paths.achievement}.id`]];
  list(achievement.alignment).forEach((a, i) => {
    if (!isRecord(a)) return;
    candidates.push([plain(a.targetUrl), `${paths.achievement}.alignment[${i}].targetUrl`], [plain(a.targetCode), `${paths.achievement}.alignment[${i}].targetCode`]);
  });
  for (const [holder, path] of [[achievement, paths.achievement], [issuer, paths.issuer]] as const) {
    list(holder.otherIdentifier).forEach((o, i) => {
      if (isRecord(o)) candidates.push([plain(o.identifier), `${path}.otherIdentifier[${i}].identifier`]);
    });
  }
  candidates.push([plain(issuer.id), `${paths.issuer}.id`]);
  const registry: RegistryLink[] = [];
  for (const [value, source] of candidates) {
    const link = linkOf(value, source);
    if (link && !registry.some((r) => r.url === link.url)) registry.push(link);
  }
  return { ...(ctdlType ? { ctdlType } : {}), registry };
}
