/**
 * User settings, one zod-validated object in extension storage
 * (`browser.storage.local`, key `settings`). Anything stored that does not
 * validate falls back to the default for that field, so a corrupt or older
 * settings object never breaks the extension.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_RETENTION_DAYS } from './history/store';

/**
 * An allowed host: a lowercase DNS name or IP literal with an optional port,
 * matching what lib/engine/net/host-policy.ts compares ("host" or "host:port").
 */
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

export const AllowHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(260)
  .regex(HOST_PATTERN, 'a host name such as badges.intranet.example or 10.0.0.5:8443')
  .refine((h) => {
    const port = /:(\d+)$/.exec(h)?.[1];
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  }, 'port out of range');

export const LANGUAGES = ['auto', 'en', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const SettingsSchema = z
  .object({
    /** private or local hosts the user allows despite the SSRF policy (intranet issuers) */
    allowHosts: z.array(AllowHostSchema).max(200),
    /** run detection on every https page (needs the optional host permission) */
    scanEveryPage: z.boolean(),
    /** history entries older than this are deleted */
    retentionDays: z.number().int().min(1).max(3650),
    language: z.enum(LANGUAGES),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  allowHosts: [],
  scanEveryPage: false,
  retentionDays: DEFAULT_RETENTION_DAYS,
  language: 'auto',
});

const SETTINGS_KEY = 'local:settings' as const;

/** Validates field by field, keeping valid fields and defaulting the rest. */
export function normalizeSettings(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const shape = SettingsSchema.shape;
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = shape[key].safeParse(input[key]);
    return (parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS[key])) as Settings[K];
  };
  return {
    allowHosts: [...new Set(field('allowHosts'))],
    scanEveryPage: field('scanEveryPage'),
    retentionDays: field('retentionDays'),
    language: field('language'),
  };
}

/** Reads the settings; never throws on bad stored data (see normalizeSettings). */
export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await storage.getItem<unknown>(SETTINGS_KEY));
}

/**
 * Merges `patch` into the stored settings after strict validation; throws a
 * ZodError when the patch is invalid, so the options page can show why.
 * Callers send `settings/changed` afterwards so the background reloads them.
 */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = SettingsSchema.parse({ ...(await getSettings()), ...patch });
  next.allowHosts = [...new Set(next.allowHosts)];
  await storage.setItem(SETTINGS_KEY, next);
  return next;
}

/** Removes the stored settings (clear-data); defaults apply afterwards. */
export async function resetSettings(): Promise<void> {
  await storage.removeItem(SETTINGS_KEY);
}

/** Parses the options page's host list text (one per line or comma-separated). */
export function parseAllowHosts(text: string): { hosts: string[]; invalid: string[] } {
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const parsed = AllowHostSchema.safeParse(token);
    if (parsed.success) hosts.push(parsed.data);
    else invalid.push(token);
  }
  return { hosts: [...new Set(hosts)], invalid };
}
