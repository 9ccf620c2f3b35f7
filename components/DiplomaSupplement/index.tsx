/**
 * The Diploma Supplement a European Digital Credential carries, in its own
 * section, laid out in the supplement's numbered sections (lib/qa/diploma-supplement.ts).
 * It is what the issuer wrote; the details show it only for a credential
 * that did not fail, like the quality profile.
 */
import { formatDate, t } from '../../lib/extension/i18n';
import type { DiplomaSupplementView } from '../../lib/qa/types';
import styles from './style.module.css';

/** Fields lib/qa/diploma-supplement.ts reads as dates (YYYY-MM-DD). */
const DATE_FIELDS: ReadonlySet<string> = new Set(['dateOfBirth', 'issued']);

/** A yes/no field reads as yes/no and a date as a date, in the UI language. */
const shown = (field: string, value: string): string =>
  field === 'partialQualification' ? t(value === 'true' ? 'tri_yes' : 'tri_no') : DATE_FIELDS.has(field) ? formatDate(value) ?? value : value;

export function DiplomaSupplement({ supplement }: { supplement: DiplomaSupplementView }) {
  return (
    <section class={styles.section} data-testid="diploma-supplement" data-marker={supplement.marker}>
      <details>
        <summary class={styles.summary}>{t('dsHeading')}</summary>
        <p class={styles.note}>{t('dsNote')}</p>
        {supplement.sections.map(({ section, items }) => (
          <div key={section} data-section={section}>
            <h4 class={styles.subheading}>{t(`ds_section_${section}`)}</h4>
            <dl class={styles.fields}>
              {items.map(({ field, value }, i) => (
                <div key={`${field}-${i}`} class={styles.field} data-field={field}>
                  <dt>{t(`ds_${field}`)}</dt>
                  <dd>{shown(field, value)}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </details>
    </section>
  );
}
