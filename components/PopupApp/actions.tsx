/**
 * The popup's ways out to the verify page: "Scan this PDF" when the tab shows
 * a PDF (content scripts do not run in the browser's PDF viewer, so the page
 * list would stay empty), and "Verify a file or link" always.
 */
import { t } from '../../lib/extension/i18n';
import { isPdfTabUrl } from '../../lib/pdf/tab';
import styles from './style.module.css';

/** Offers to read the tab's PDF on the verify page; nothing when the tab is not a PDF. */
export function PdfScanOffer({ tabUrl, onOpen }: { tabUrl?: string; onOpen: (pdfUrl: string) => void }) {
  if (!tabUrl || !isPdfTabUrl(tabUrl)) return null;
  return (
    <div class={styles.pdfOffer} data-testid="pdf-offer">
      <p>{t('popupPdfHint')}</p>
      <button type="button" class={styles.primary} onClick={() => onOpen(tabUrl)}>
        {t('popupScanPdf')}
      </button>
    </div>
  );
}

/** The footer link to the verify page (files, URLs, pasted text). */
export function VerifyPageLink({ onOpen }: { onOpen: () => void }) {
  return (
    <footer class={styles.footer}>
      <button type="button" class={styles.link} onClick={onOpen}>
        {t('popupVerifyFile')} <span aria-hidden="true">↗</span>
      </button>
    </footer>
  );
}
