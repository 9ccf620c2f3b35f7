/**
 * "Scan every page": when the user turned it on in the options AND granted
 * the optional host permission `https://*\/*`, the content script is
 * registered for every https page at runtime (scripting.registerContentScripts);
 * otherwise it is unregistered. Without it, pages outside LinkedIn and the
 * known platforms are scanned only when the user asks (activeTab).
 */
export const EVERYWHERE_SCRIPT_ID = 'credlens-everywhere';
export const EVERYWHERE_ORIGINS = ['https://*/*'];

/** The registration the content script gets (mirrors the manifest entry, wider matches). */
export interface ContentScriptRegistration {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: boolean;
}

/** The browser calls this needs (scripting + permissions), injectable for tests. */
export interface ScanEverywhereApi {
  wanted(): Promise<boolean>;
  granted(): Promise<boolean>;
  registeredIds(): Promise<string[]>;
  register(script: ContentScriptRegistration): Promise<void>;
  unregister(id: string): Promise<void>;
}

/** Brings the registration in line with setting + permission; returns whether it is now registered. */
export async function syncScanEverywhere(api: ScanEverywhereApi, staticMatches: readonly string[]): Promise<boolean> {
  const on = (await api.wanted()) && (await api.granted());
  const registered = (await api.registeredIds()).includes(EVERYWHERE_SCRIPT_ID);
  if (on && !registered) {
    await api.register({
      id: EVERYWHERE_SCRIPT_ID,
      matches: [...EVERYWHERE_ORIGINS],
      // pages the manifest already covers would otherwise get a second copy
      excludeMatches: [...staticMatches],
      js: ['content-scripts/content.js'],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
  }
  if (!on && registered) await api.unregister(EVERYWHERE_SCRIPT_ID);
  return on;
}
