import { expect, test } from './fixtures';

test('10k entries, settings, pdf param', async ({ world, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.getByText('0 checks')).toBeVisible();
  // seed 10,000 entries straight into IndexedDB, as months of use would
  const seeded = await options.evaluate(async () => {
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('credlens-history', 1); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const tx = db.transaction(['entries', 'summaries'], 'readwrite');
    const now = Date.now();
    for (let i = 0; i < 10_000; i++) {
      const checkedAt = new Date(now - i * 60_000).toISOString();
      const verdict = i % 5 === 0 ? 'revoked' : 'verified';
      const inputHash = i.toString(16).padStart(64, '0');
      const report = { verdict, format: 'vc-jwt', container: 'jws', checks: [{ id: 'proof', status: 'pass', code: 'OK', message: 'Passed' }], summary: { title: `Badge ${i}`, issuer: { name: `Issuer ${i % 40}` } }, recipient: { outcome: 'not-checked', identifierTypes: [], message: '' }, technical: {}, inputHash, checkedAt };
      const summary = { id: `seed-${i}`, inputHash, credentialKey: `input:${inputHash}`, via: 'page', checkedAt, verdict, format: 'vc-jwt', title: `Badge ${i}`, issuerName: `Issuer ${i % 40}`, profileName: `Candidate ${i % 250}`, pageUrl: `https://www.linkedin.com/in/c${i % 250}` };
      tx.objectStore('entries').put({ ...summary, report });
      tx.objectStore('summaries').put(summary);
    }
    await new Promise((res) => (tx.oncomplete = res));
    return true;
  });
  expect(seeded).toBe(true);
  const t0 = Date.now();
  await options.reload();
  const rows = options.getByTestId('history-entry');
  await expect(options.getByText('10000 checks')).toBeVisible({ timeout: 20_000 });
  await expect(rows.first()).toBeVisible();
  console.log('first rows after reload ms', Date.now() - t0, 'rendered rows', await rows.count());
  const t1 = Date.now();
  await options.getByRole('combobox', { name: 'Result' }).selectOption('revoked');
  await expect(options.getByText('2000 checks')).toBeVisible();
  console.log('filter ms', Date.now() - t1);
  await options.getByRole('combobox', { name: 'Result' }).selectOption('');
  const list = options.locator('[aria-label="History"][tabindex="0"]');
  console.log('lists', await list.count(), await list.evaluate((el) => [el.scrollHeight, el.clientHeight]));
  const raw = await options.evaluate(async () => {
    const t = performance.now();
    const db: IDBDatabase = await new Promise((res) => { const r = indexedDB.open('credlens-history', 1); r.onsuccess = () => res(r.result); });
    const all: unknown[] = await new Promise((res) => { const r = db.transaction('summaries').objectStore('summaries').index('checkedAt').getAll(); r.onsuccess = () => res(r.result); });
    return [all.length, performance.now() - t];
  });
  console.log('raw getAll summaries', raw);
  const t2 = Date.now();
  await list.evaluate((el) => (el.scrollTop = 64 * 9000));
  await options.waitForTimeout(1500);
  console.log('after scroll', await list.evaluate((el) => el.scrollTop), (await rows.allInnerTexts()).slice(0, 3));
  await expect(options.getByText('Badge 9000', { exact: true })).toBeVisible({ timeout: 10_000 });
  console.log('scroll to 9000 ms', Date.now() - t2, 'rendered rows', await rows.count());
  await options.getByRole('combobox', { name: 'Candidate or page' }).selectOption({ label: 'Candidate 7 (40)' });
  await expect(options.getByText('40 checks')).toBeVisible();

  // settings
  await options.getByLabel('Allowed hosts, one per line (host or host:port)').fill('intranet.corp.example\nbad_host!');
  await options.getByRole('button', { name: 'Save' }).nth(1).click();
  await expect(options.getByText('Not a host name: bad_host!')).toBeVisible();
  await options.getByLabel('Allowed hosts, one per line (host or host:port)').fill('Intranet.corp.example\n10.1.2.3:8443');
  await options.getByRole('button', { name: 'Save' }).nth(1).click();
  await expect(options.getByText('Saved.')).toBeVisible();
  const stored = await options.evaluate(() => chrome.storage.local.get('settings'));
  console.log('stored', JSON.stringify(stored));

  // pdf param
  const pdfPage = await openExtensionPage(`verify.html?pdf=${encodeURIComponent(world.pages.pdf)}`);
  await pdfPage.waitForTimeout(4000);
  console.log('pdf param findings', await pdfPage.getByTestId('pdf-finding').count(), await pdfPage.getByTestId('credential').count(), (await pdfPage.locator('main').innerText()).slice(0, 600));
});
