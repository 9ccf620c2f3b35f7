/** Loads the settings and saves changes, telling the background after each save. */
import { useEffect, useState } from 'preact/hooks';
import { getSettings, updateSettings, type Settings } from '../../lib/settings';
import { sendToBackground } from '../../components/HistoryView/send';
import { t } from '../../lib/i18n';

export interface SettingsState {
  settings?: Settings;
  save: (patch: Partial<Settings>) => Promise<boolean>;
  status?: { text: string; error?: boolean };
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings>();
  const [status, setStatus] = useState<SettingsState['status']>();
  useEffect(() => void getSettings().then(setSettings), []);

  async function save(patch: Partial<Settings>): Promise<boolean> {
    try {
      setSettings(await updateSettings(patch));
    } catch {
      setStatus({ text: t('optionsSaveInvalid'), error: true });
      return false;
    }
    // the background reloads allowed hosts, retention and scanning from storage
    await sendToBackground({ type: 'settings/changed' });
    setStatus({ text: t('optionsSaved') });
    return true;
  }
  return { settings, save, status };
}
