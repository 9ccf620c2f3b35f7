/**
 * Work the service worker does each time it starts, after its listeners are
 * registered: none of it may delay or break the handling of the event that
 * woke the worker (MV3 workers start for every event after being idle).
 */
import { storage } from 'wxt/utils/storage';
import type { BackgroundDeps } from './deps';
import type { TabFlow } from './tab-flow';

/**
 * Starts the start-up tasks without waiting for them: verifications left
 * pending by a stopped worker are resumed, and history entries past the
 * retention setting are deleted (a user who checks nothing for months still
 * gets old entries removed; each write also applies it). Resolves when both
 * have settled, for tests; never rejects.
 */
export function startStartupTasks(deps: Pick<BackgroundDeps, 'history'>, flow: Pick<TabFlow, 'resumePending'>): Promise<void> {
  const tasks = [flow.resumePending(), Promise.resolve().then(() => deps.history?.applyRetention?.())];
  return Promise.allSettled(tasks).then(() => undefined);
}

/** The page opened once after install (entrypoints/welcome). */
export const WELCOME_PAGE = '/welcome.html';

/** Whether the welcome page was opened already, kept with the extension's data (gone with it on uninstall). */
export interface WelcomeMemory {
  wasShown(): Promise<boolean>;
  remember(): Promise<void>;
}

const WELCOME_SHOWN_KEY = 'local:welcomeShownAt' as const;

/** The memory in the extension's local storage: removed on uninstall, so a real reinstall welcomes again. */
export const storedWelcomeMemory: WelcomeMemory = {
  wasShown: async () => (await storage.getItem<string>(WELCOME_SHOWN_KEY)) !== null,
  remember: () => storage.setItem(WELCOME_SHOWN_KEY, new Date().toISOString()),
};

/**
 * Opens the welcome page when the extension was just installed (not on an
 * update or a browser update: `runtime.onInstalled` reason `install`), once:
 * Chromium reports an extension loaded unpacked as installed again after a
 * restart whose profile it had not finished writing, and the recruiter has
 * seen the page already. Resolves true when it opened it; never rejects.
 */
export async function openWelcomeOnInstall(reason: string | undefined, open: (path: string) => Promise<unknown>, memory: WelcomeMemory = storedWelcomeMemory): Promise<boolean> {
  if (reason !== 'install') return false;
  try {
    if (await memory.wasShown()) return false;
    await open(WELCOME_PAGE);
    await memory.remember();
    return true;
  } catch {
    return false; // no tab could be opened (a policy, a closing window) or storage failed: nothing else depends on it
  }
}
