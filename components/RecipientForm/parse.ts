/** Reads what the recruiter typed as the candidate's identifier (an email or a web address). */

export type RecipientInput = { email: string } | { url: string };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** An email address or an http(s) URL; undefined for anything else. */
export function parseRecipient(text: string): RecipientInput | undefined {
  const value = text.trim();
  if (!value || value.length > 2048) return undefined;
  if (EMAIL.test(value) && value.length <= 320) return { email: value };
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      return url.hostname ? { url: url.href } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
