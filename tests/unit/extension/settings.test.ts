import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, getSettings, normalizeSettings, parseAllowHosts, resetSettings, updateSettings } from '../../../lib/extension/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings storage', () => {
  it('returns the defaults when nothing is stored', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores a validated update under the "settings" key and merges it', async () => {
    await updateSettings({ retentionDays: 30, allowHosts: ['Badges.Intranet.example', 'badges.intranet.example', '10.0.0.5:8443'] });
    await updateSettings({ language: 'de' });
    const stored = await fakeBrowser.storage.local.get('settings');
    expect(stored.settings).toEqual({ allowHosts: ['badges.intranet.example', '10.0.0.5:8443'], scanEveryPage: false, retentionDays: 30, language: 'de' });
    expect((await getSettings()).retentionDays).toBe(30);
  });

  it.each([
    [{ retentionDays: 0 }],
    [{ retentionDays: 1.5 }],
    [{ language: 'es' as never }],
    [{ allowHosts: ['https://host.example/path'] }],
    [{ allowHosts: ['host.example:70000'] }],
  ])('refuses an invalid update %o and keeps what was stored', async (patch) => {
    await expect(updateSettings(patch)).rejects.toThrow();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('resets to defaults', async () => {
    await updateSettings({ scanEveryPage: true });
    await resetSettings();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('normalizeSettings', () => {
  it('keeps valid fields of a corrupt object and defaults the rest', () => {
    expect(normalizeSettings({ retentionDays: 'forever', scanEveryPage: true, language: 'fr', allowHosts: 'x', extra: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      scanEveryPage: true,
      language: 'fr',
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('parseAllowHosts', () => {
  it('splits on lines and commas, lowercases, and reports bad tokens', () => {
    expect(parseAllowHosts('intranet.corp.example\n192.168.1.20:8443, [fd00::1]:443\nbad_host! a/host intranet')).toEqual({
      hosts: ['intranet.corp.example', '192.168.1.20:8443', '[fd00::1]:443', 'intranet'],
      invalid: ['bad_host!', 'a/host'],
    });
  });
});
