/**
 * Verify a file: drop or pick PNG/SVG badges, JSON or JWT files and PDFs, or
 * paste a URL or text. Each credential goes to the background (`verify/input`),
 * which verifies it and stores it in the history; the full report shows here.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import type { PdfFinding } from '../../lib/pdf/scan';
import { filePayload, isPdf, toBase64 } from './inputs';
import { FilePicker, PasteForm } from './InputForms';
import { PdfFindings } from './PdfFindings';
import { fetchTabPdf, pdfUrlFromLocation, requestSiteAccess } from './pdf-from-tab';
import { scanPdf, type PdfScan } from './pdf-reader';
import { Results } from './Results';
import { useVerifications } from './use-verifications';
import styles from './style.module.css';

interface ScannedPdf extends PdfScan {
  name: string;
}

export function VerifyApp() {
  const { items, verify, reject } = useVerifications();
  const [pdfs, setPdfs] = useState<ScannedPdf[]>([]);
  const [dragging, setDragging] = useState(false);

  async function handlePdf(bytes: Uint8Array, name: string) {
    try {
      const scan = await scanPdf(bytes);
      setPdfs((all) => [{ ...scan, name }, ...all]);
    } catch {
      reject(name, t('verifyPdfUnreadable'));
    }
  }

  async function handleFiles(files: FileList | File[] | null | undefined): Promise<void> {
    for (const file of Array.from(files ?? [])) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      if (isPdf(bytes)) {
        await handlePdf(bytes, file.name);
        continue;
      }
      const payload = filePayload(bytes, file.name);
      if ('tooLarge' in payload) reject(file.name, t('verifyTooLarge'));
      else void verify(payload, file.name);
    }
  }

  function verifyFinding(pdf: ScannedPdf, f: PdfFinding) {
    const label = `${pdf.name}: ${f.value.slice(0, 80)}`;
    if (f.kind === 'link') return void verify({ url: f.value }, label);
    if (f.kind === 'jws') return void verify({ text: f.value, name: pdf.name }, label);
    const bytes = pdf.attachments.get(f.value);
    if (bytes) void verify({ bytesBase64: toBase64(bytes), name: f.value }, label);
  }

  const [blockedPdf, setBlockedPdf] = useState<string>();

  async function loadTabPdf(url: string) {
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
    try {
      await handlePdf(await fetchTabPdf(url), name);
      setBlockedPdf(undefined);
    } catch {
      // usually missing access to the PDF's site; offer to ask for it (a user gesture is required)
      setBlockedPdf(url);
    }
  }

  async function allowAndRetry(url: string) {
    const granted = await requestSiteAccess(url);
    if (granted) await loadTabPdf(url);
    else reject(url, t('verifyPdfFetchFailed'));
  }

  useEffect(() => {
    const url = pdfUrlFromLocation(location.search);
    if (url) void loadTabPdf(url);
  }, []);

  return (
    <main
      class={`${styles.page} ${dragging ? styles.dragging : ''}`}
      onDragOver={(e) => (e.preventDefault(), setDragging(true))}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => (e.preventDefault(), setDragging(false), void handleFiles(e.dataTransfer?.files))}
    >
      <h1>{t('verifyTitle')}</h1>
      <p>{t('verifyIntro')}</p>
      <FilePicker onFiles={handleFiles} />
      <PasteForm onSubmit={(payload, label) => void verify(payload, label)} />
      {blockedPdf ? (
        <p class={styles.warning} role="alert">
          {t('verifyPdfFetchFailed')}{' '}
          <button type="button" onClick={() => void allowAndRetry(blockedPdf)}>{t('verifyPdfAllow')}</button>
        </p>
      ) : null}
      {pdfs.map((pdf) => (
        <PdfFindings name={pdf.name} findings={pdf.findings} truncatedPages={pdf.truncated ? pdf.pages : undefined} onVerify={(f) => verifyFinding(pdf, f)} />
      ))}
      <Results items={items} />
      <p class={styles.hint}>{t('verifyStoredInHistory')}</p>
    </main>
  );
}
