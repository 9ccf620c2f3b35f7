import { describe, expect, it } from 'vitest';
import { EVERYWHERE_SCRIPT_ID, syncScanEverywhere, type ContentScriptRegistration, type ScanEverywhereApi } from '../../../../lib/extension/background/scan-everywhere';

function fakeApi(wanted: boolean, granted: boolean, registered: string[] = []) {
  const calls: string[] = [];
  let registration: ContentScriptRegistration | undefined;
  const api: ScanEverywhereApi = {
    wanted: async () => wanted,
    granted: async () => granted,
    registeredIds: async () => registered,
    register: async (s) => {
      registration = s;
      calls.push('register');
    },
    unregister: async (id) => void calls.push(`unregister:${id}`),
  };
  return { api, calls, registration: () => registration };
}

describe('scan every page', () => {
  it('registers only when the setting is on AND the permission is granted', async () => {
    for (const [wanted, granted] of [[true, false], [false, true], [false, false]] as const) {
      const f = fakeApi(wanted, granted);
      expect(await syncScanEverywhere(f.api, [])).toBe(false);
      expect(f.calls).toEqual([]);
    }
    const on = fakeApi(true, true);
    expect(await syncScanEverywhere(on.api, ['https://www.linkedin.com/*'])).toBe(true);
    expect(on.calls).toEqual(['register']);
    expect(on.registration()).toMatchObject({ id: EVERYWHERE_SCRIPT_ID, matches: ['https://*/*'], excludeMatches: ['https://www.linkedin.com/*'], allFrames: false });
  });

  it('unregisters when switched off or the permission is withdrawn, and does not register twice', async () => {
    const off = fakeApi(true, false, [EVERYWHERE_SCRIPT_ID]);
    await syncScanEverywhere(off.api, []);
    expect(off.calls).toEqual([`unregister:${EVERYWHERE_SCRIPT_ID}`]);
    const already = fakeApi(true, true, [EVERYWHERE_SCRIPT_ID]);
    await syncScanEverywhere(already.api, []);
    expect(already.calls).toEqual([]);
  });
});
