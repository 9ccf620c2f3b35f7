/**
 * The History view, loaded only when its tab is opened: the history brings
 * IndexedDB and import validation (zod) with it, which must not weigh on the
 * popup's first paint (SECURITY.md budgets: popup).
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';

type HistoryComponent = ComponentType<{ mode?: 'popup' | 'page' }>;

export function LazyHistory() {
  const [View, setView] = useState<HistoryComponent | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void import('../HistoryView').then((m) => live && setView(() => m.HistoryView as HistoryComponent));
    return () => {
      live = false;
    };
  }, []);
  return View ? <View mode="popup" /> : <p role="status">{t('historyLoading')}</p>;
}
