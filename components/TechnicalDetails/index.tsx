/**
 * Codes, keys, hashes and the DID document behind a toggle, as plain text.
 * The toggle is the details view's one switch for technical words: its
 * owner passes `open`/`onToggle` so field paths elsewhere (the quality
 * profile's sources) appear with it.
 */
import { useId, useState } from 'preact/hooks';
import { hasMessage, t } from '../../lib/extension/i18n';
import { type Report } from '../../lib/engine';
import { technicalRows } from './rows';
import styles from './style.module.css';

export interface TechnicalDetailsProps {
  report: Report;
  open?: boolean;
  onToggle?: (open: boolean) => void;
}

export function TechnicalDetails({ report, open: controlled, onToggle }: TechnicalDetailsProps) {
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const setOpen = (next: boolean) => (onToggle ? onToggle(next) : setOwn(next));
  const listId = useId();
  return (
    <section class={styles.section}>
      <button type="button" class={styles.toggle} aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {t(open ? 'technicalHide' : 'technicalShow')}
      </button>
      {open ? (
        <dl id={listId} class={styles.list} data-testid="technical-details">
          {technicalRows(report).map((row) => (
            <div key={row.labelKey} class={styles.row}>
              <dt>{hasMessage(row.labelKey) ? t(row.labelKey) : row.labelKey}</dt>
              <dd>{row.block ? <pre class={styles.pre}>{row.value}</pre> : <code class={styles.code}>{row.value}</code>}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}
