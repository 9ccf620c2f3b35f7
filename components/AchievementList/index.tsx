/**
 * The achievement credentials a CLR 2.0 transcript carries (or the
 * credentials a presentation carries), each with its own verdict and, opened, its own checks and quality profile. The details of an
 * entry are rendered by the caller (CredentialDetails passes itself), only
 * while the entry is open: a transcript may carry a hundred.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type Report, type ReportPart } from '../../lib/engine';
import { t } from '../../lib/extension/i18n';
import { profileReport } from '../../lib/qa/dispatch';
import { EU_ELEMENTS } from '../../lib/qa/types';
import { VerdictBadge } from '../VerdictBadge';
import { achievementParts, partsSummary, partsWords } from './summary';
import styles from './style.module.css';

export interface AchievementListProps {
  report: Report;
  renderDetails: (part: ReportPart) => ComponentChildren;
}

/** "6 of 11 EU elements": the quality profile of one entry, for what did not fail (lib/qa runs per part). */
function profileLine(part: ReportPart): string | undefined {
  if (part.report.verdict === 'failed') return undefined;
  const profile = profileReport(part.report);
  return profile ? t('profileCount', profile.presentCount, EU_ELEMENTS.length) : undefined;
}

export function AchievementList({ report, renderDetails }: AchievementListProps) {
  const parts = achievementParts(report);
  const words = partsWords(report);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  if (!parts.length || !words) return null;
  const toggle = (path: string, isOpen: boolean) =>
    setOpen((before) => {
      const after = new Set(before);
      if (isOpen) after.add(path);
      else after.delete(path);
      return after;
    });
  return (
    <section class={styles.section} data-testid="achievements">
      <h3 class={styles.heading}>{t(words.heading)}</h3>
      <p class={styles.summary} data-testid="achievements-summary">{partsSummary(report)}</p>
      <ul class={styles.list}>
        {parts.map((part) => {
          const { summary } = part.report;
          const title = summary.title ?? summary.achievement?.name ?? t('untitled');
          const quality = profileLine(part);
          return (
            <li key={part.path} class={styles.item} data-verdict={part.report.verdict} data-path={part.path}>
              <details onToggle={(e) => toggle(part.path, (e.currentTarget as HTMLDetailsElement).open)}>
                <summary class={styles.row} title={t('partsOpen', title)}>
                  <span class={styles.text}>
                    <span class={styles.title}>{title}</span>
                    <span class={styles.meta}>
                      {summary.issuer?.name ?? summary.issuer?.id ?? t('issuerNotStated')}
                      {quality ? ` · ${quality}` : ''}
                    </span>
                  </span>
                  <VerdictBadge verdict={part.report.verdict} />
                </summary>
                {open.has(part.path) ? (
                  <div class={styles.details}>
                    {/* where the entry sits in the transcript, for whoever checks by hand */}
                    <code class={styles.path}>{part.path}</code>
                    {renderDetails(part)}
                  </div>
                ) : null}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
