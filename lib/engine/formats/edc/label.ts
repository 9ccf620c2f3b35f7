/**
 * ELM values meant for people are language maps (`{ "en": "…", "de": "…" }`),
 * Concepts with a `prefLabel`, Notes with a `noteLiteral`, or arrays of those
 * (ELM v3 ontology, `skos:prefLabel` / `rdf:langString`). One helper turns any
 * of them into plain text, preferring English because the popup is English.
 */
import { z } from 'zod';

/**
 * A language map as it appears in ELM JSON-LD: one string (or several) per
 * BCP 47 tag. `id` and `type` are excluded because every ELM node has them
 * and no EU language uses the tag "id".
 */
export const LanguageMap = z.record(
  z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/).refine((k) => k !== 'id'),
  z.union([z.string(), z.array(z.string())]),
);

const Labelled = z.looseObject({
  prefLabel: z.unknown().optional(),
  noteLiteral: z.unknown().optional(),
  title: z.unknown().optional(),
  legalName: z.unknown().optional(),
  '@value': z.string().optional(),
});

const PREFERRED_LANGUAGES = ['en', 'en-GB', 'en-US'];

function fromLanguageMap(map: z.infer<typeof LanguageMap>): string | undefined {
  const key = PREFERRED_LANGUAGES.find((l) => map[l] !== undefined) ?? Object.keys(map).sort()[0];
  if (key === undefined) return undefined;
  const value = map[key];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Plain text for an ELM display value, or undefined when there is none.
 * Nesting is bounded (a Concept inside an array inside a map at most).
 */
export function label(v: unknown, depth = 0): string | undefined {
  if (depth > 4 || v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) {
    for (const item of v) {
      const text = label(item, depth + 1);
      if (text) return text;
    }
    return undefined;
  }
  const labelled = Labelled.safeParse(v);
  if (labelled.success) {
    const o = labelled.data;
    if (o['@value']) return o['@value'];
    const inner = o.prefLabel ?? o.noteLiteral ?? o.title ?? o.legalName;
    if (inner !== undefined) return label(inner, depth + 1);
  }
  const map = LanguageMap.safeParse(v);
  return map.success ? fromLanguageMap(map.data)?.trim() || undefined : undefined;
}
