/** Loads the settings and saves changes, telling the background after each save. */
import { useEffect, useState } from 'preact/hooks';
import { getSettings, updateSettings, type Settings } from '../../lib/extension/settings';
import { sendToBackground } from '../../components/HistoryView/send';
import { t } from '../../lib/extension/i18n';

export interface SettingsState {
  settings?: Settings;
  save: (patch: Partial<Settings>) => Promise<boolean>;
  status?: { text: string; error?: boolean };
}

/** `epoch` changes force a re-read (after all data was cleared). */
export function useSettings(epoch = 0): SettingsState {
  const [settings, setSettings] = useState<Settings>();
  const [status, setStatus] = useState<SettingsState['status']>();
  useEffect(() => {
    setSettings(undefined); // sections re-mount with what is stored now, not with their old form state
    void getSettings().then(setSettings);
  }, [epoch]);

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
