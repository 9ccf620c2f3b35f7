/** Saves text as a file through an object URL and a temporary `<a download>`. */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // revoke later: some browsers start the download asynchronously after click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "credlens-history-2026-11-22.csv" */
export const datedName = (stem: string, ext: string, now = new Date()): string => `${stem}-${now.toISOString().slice(0, 10)}.${ext}`;
