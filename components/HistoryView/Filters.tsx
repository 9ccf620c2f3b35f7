/** Search box and filters (verdict, format, issuer, date range) of the history view. */
import { formatName, t } from '../../lib/extension/i18n';
import type { HistoryQuery } from '../../lib/extension/history/types';
import { VERDICTS, type Format, type Verdict } from '../../lib/engine';
import styles from './style.module.css';

/** Every format, in the order the filter lists them; a format the engine adds fails to compile here until it is listed (and named in the locales). */
const FORMAT_ORDER = {
  'vc-data-integrity': 1, 'vc-jwt': 2, 'sd-jwt-vc': 3, vp: 4, 'ob2-hosted': 5, 'ob2-signed': 6, edc: 7, 'vc-unsigned': 8, unknown: 9,
} satisfies Record<Format, number>;
const FORMATS = (Object.keys(FORMAT_ORDER) as Format[]).sort((a, b) => FORMAT_ORDER[a] - FORMAT_ORDER[b]);

export interface FiltersProps {
  query: HistoryQuery;
  onChange: (q: HistoryQuery) => void;
  /** the popup shows the search box alone and the other filters behind a disclosure */
  part?: 'all' | 'search' | 'filters';
}

const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).toISOString() : undefined);
const dayEnd = (date: string) => (date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined);
const dateOf = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function Filters({ query, onChange, part = 'all' }: FiltersProps) {
  const set = (patch: Partial<HistoryQuery>) => onChange({ ...query, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class={styles.filters} role={part === 'filters' ? undefined : 'search'}>
      {part !== 'filters' ? (
        <label>
          {t('historySearch')}
          <input type="search" value={query.search ?? ''} onInput={(e) => set({ search: value(e) || undefined })} />
        </label>
      ) : null}
      {part !== 'search' ? <MoreFilters query={query} set={set} value={value} /> : null}
    </div>
  );
}

function MoreFilters({ query, set, value }: { query: HistoryQuery; set: (p: Partial<HistoryQuery>) => void; value: (e: Event) => string }) {
  return (
    <>
      <label>
        {t('historyFilterVerdict')}
        <select value={query.verdicts?.[0] ?? ''} onChange={(e) => set({ verdicts: value(e) ? [value(e) as Verdict] : undefined })}>
          <option value="">{t('historyAll')}</option>
          {VERDICTS.map((v) => (
            <option value={v}>{t(`verdict_${v}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('historyFilterFormat')}
        <select value={query.formats?.[0] ?? ''} onChange={(e) => set({ formats: value(e) ? [value(e) as Format] : undefined })}>
          <option value="">{t('historyAll')}</option>
          {FORMATS.map((f) => (
            <option value={f}>{formatName(f)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('historyFilterIssuer')}
        <input type="text" value={query.issuer ?? ''} onInput={(e) => set({ issuer: value(e) || undefined })} />
      </label>
      <label>
        {t('historyFilterFrom')}
        <input type="date" value={dateOf(query.from)} onChange={(e) => set({ from: dayStart(value(e)) })} />
      </label>
      <label>
        {t('historyFilterTo')}
        <input type="date" value={dateOf(query.to)} onChange={(e) => set({ to: dayEnd(value(e)) })} />
      </label>
    </>
  );
}
