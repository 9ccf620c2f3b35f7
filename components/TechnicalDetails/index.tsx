/** Codes, keys, hashes and the DID document behind a toggle, as plain text. */
import { useId, useState } from 'preact/hooks';
import { hasMessage, t } from '../../lib/extension/i18n';
import { type Report } from '../../lib/engine';
import { technicalRows } from './rows';
import styles from './style.module.css';

export function TechnicalDetails({ report }: { report: Report }) {
  const [open, setOpen] = useState(false);
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
