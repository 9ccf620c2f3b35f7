/**
 * What a page claims about a certification (a LinkedIn entry: title, issuer,
 * dates, the profile owner) held against what the verified credential says.
 * A credential can be genuine and still not be the one the profile describes:
 * "Advanced Research Data Management" on the profile, "Introduction to …" in
 * the credential, or a credential issued to someone else. The comparison
 * never changes the verdict; it is shown next to it.
 *
 * Text is compared folded: case, accents, punctuation and word order do not
 * count ("Lovelace, Ada" is "Ada Lovelace"), and "&" is "and". A title must
 * have the same words; an issuer may be named more or less fully (one name's
 * words within the other's) or by its web domain; dates agree to the month.
 */
import { type CredentialSummary } from '../engine';

/** The claim text a page shows for one certification (as read by lib/detect). */
export interface PageClaim {
  title?: string;
  issuer?: string;
  /** as shown, e.g. "Jan 2024", "janv. 2024", "März 2024", "2024-01" */
  issued?: string;
  expires?: string;
  /** the profile owner's name */
  holder?: string;
}

export type ClaimField = 'title' | 'issuer' | 'issued' | 'expires' | 'holder';

export interface FieldComparison {
  field: ClaimField;
  claimed: string;
  /** what the credential says, when it says anything */
  credential?: string;
  agrees: boolean;
}

export interface ClaimComparison {
  /** `differs` when any compared field disagrees; `not-compared` when nothing could be compared */
  outcome: 'matches' | 'differs' | 'not-compared';
  fields: FieldComparison[];
}

const STOP_WORDS = new Set(['and', 'und', 'et', 'y', 'e', 'the', 'of', 'a', 'an', 'in', 'for', 'de', 'der', 'die', 'das', 'la', 'le', 'les', 'du', 'des']);

/** Words of `text` folded: lower case, accents removed, punctuation dropped, "&" read as "and". */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const significant = (text: string) => foldWords(text).filter((w) => !STOP_WORDS.has(w));
const sameWords = (a: string[], b: string[]) => a.length > 0 && a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
const within = (part: string[], whole: string[]) => part.length > 0 && part.every((w) => whole.includes(w));

/** Month names and abbreviations as LinkedIn prints them in its interface languages. */
const MONTHS: readonly string[][] = [
  ['jan', 'january', 'januar', 'janv', 'janvier', 'ene', 'enero', 'gen', 'gennaio', 'janeiro', 'januari'],
  ['feb', 'february', 'februar', 'fev', 'fevr', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['mar', 'march', 'marz', 'mars', 'marzo', 'marco', 'maart', 'maerz'],
  ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'mag', 'maggio', 'maio', 'mei'],
  ['jun', 'june', 'juni', 'juin', 'junio', 'giu', 'giugno', 'junho'],
  ['jul', 'july', 'juli', 'juil', 'juillet', 'julio', 'lug', 'luglio', 'julho'],
  ['aug', 'august', 'aout', 'ago', 'agosto', 'augustus'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'settembre', 'setembro'],
  ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre', 'ott', 'ottobre', 'out', 'outubro'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'dez', 'dezember', 'decembre', 'dic', 'diciembre', 'dicembre', 'dezembro'],
];

/** "Jan 2024", "janv. 2024", "März 2024", "2024-01", "01/2024" → "2024-01"; undefined when not a month. */
export function claimedMonth(text: string): string | undefined {
  const iso = /(\d{4})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}`;
  const numeric = /\b(\d{1,2})[./](\d{4})\b/.exec(text);
  if (numeric && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 12) return `${numeric[2]}-${numeric[1]!.padStart(2, '0')}`;
  const words = foldWords(text);
  const year = words.find((w) => /^\d{4}$/.test(w));
  const month = MONTHS.findIndex((names) => words.some((w) => names.includes(w)));
  return year && month >= 0 ? `${year}-${String(month + 1).padStart(2, '0')}` : undefined;
}

/** The month of an ISO date-time, in the UTC offset it was written with (a credential says when, not where). */
const credentialMonth = (iso: string | undefined): string | undefined => (iso && /^\d{4}-\d{2}/.test(iso) ? iso.slice(0, 7) : undefined);

/** The distinctive labels of a web address or did:web host ("credentials.uni-example.de" → ["uni-example"]). */
function domainLabels(id: string | undefined): string[] {
  if (!id) return [];
  try {
    const host = id.startsWith('did:web:') ? decodeURIComponent(id.slice(8).split(':')[0]!) : new URL(id).hostname;
    return host.toLowerCase().split('.').slice(0, -1).filter((label) => !['www', 'credentials', 'badges', 'certificates', 'verify', 'co', 'ac'].includes(label));
  } catch {
    return [];
  }
}

/** An issuer named by its domain: every word of the name in one label ("Uni Example" ~ uni-example), or the name run together ("DataCamp" ~ datacamp). */
const namesDomain = (words: string[], labels: string[]) => labels.some((label) => within(words, label.split('-')) || label === words.join(''));

/** Holds the page's claim against the credential's summary. */
export function compareClaim(claim: PageClaim, summary: CredentialSummary): ClaimComparison {
  const fields: FieldComparison[] = [];
  const add = (field: ClaimField, claimed: string | undefined, credential: string | undefined, agrees: (c: string, v: string) => boolean) => {
    if (!claimed?.trim() || !credential?.trim()) return;
    fields.push({ field, claimed: claimed.trim(), credential: credential.trim(), agrees: agrees(claimed, credential) });
  };
  const titles = [summary.achievement?.name, summary.title].filter((t): t is string => !!t);
  if (claim.title && titles.length > 0) {
    const agrees = titles.some((t) => sameWords(significant(claim.title!), significant(t)));
    fields.push({ field: 'title', claimed: claim.title.trim(), credential: titles[0]!.trim(), agrees });
  }
  add('issuer', claim.issuer, summary.issuer?.name ?? summary.issuer?.url ?? summary.issuer?.id, (c) => {
    const claimed = significant(c);
    const names = [summary.issuer?.name].filter((n): n is string => !!n).map(significant);
    return names.some((n) => within(claimed, n) || within(n, claimed)) || namesDomain(claimed, [...domainLabels(summary.issuer?.url), ...domainLabels(summary.issuer?.id)]);
  });
  // a date the page shows in a form not read here is not compared, rather than called different
  const monthOf = (text: string | undefined) => (text && claimedMonth(text) ? text : undefined);
  add('issued', monthOf(claim.issued), summary.validFrom, (c, v) => claimedMonth(c) === credentialMonth(v));
  add('expires', monthOf(claim.expires), summary.validUntil, (c, v) => claimedMonth(c) === credentialMonth(v));
  add('holder', claim.holder, summary.subject?.name, (c, v) => {
    const a = significant(c);
    const b = significant(v);
    return sameWords(a, b) || within(a, b) || within(b, a);
  });
  if (fields.length === 0) return { outcome: 'not-compared', fields };
  return { outcome: fields.every((f) => f.agrees) ? 'matches' : 'differs', fields };
}
