import { expect, test } from './fixtures';

/** Bytes of a demo-world resource, for handing to the file input as a recruiter would. */
async function download(world: { transport: (u: string) => Promise<Response> }, url: string): Promise<Buffer> {
  return Buffer.from(await (await world.transport(url)).arrayBuffer());
}

test('verifies baked badges and a signed token chosen as files', async ({ world, openExtensionPage }) => {
  const verifyPage = await openExtensionPage('verify.html');
  const png = await download(world, 'https://issuer.credlens-demo.org/badges/open-source-contributor.png');
  const svg = await download(world, 'https://issuer.credlens-demo.org/badges/agile-facilitation.svg');
  const tampered = await download(world, 'https://issuer.credlens-demo.org/credentials/machine-learning.json');
  await verifyPage.locator('input[type=file]').setInputFiles([
    { name: 'open-source-contributor.png', mimeType: 'image/png', buffer: png },
    { name: 'agile-facilitation.svg', mimeType: 'image/svg+xml', buffer: svg },
    { name: 'machine-learning.json', mimeType: 'application/json', buffer: tampered },
  ]);
  const results = verifyPage.getByTestId('credential');
  await expect(results).toHaveCount(3);
  await expect(results.filter({ hasText: 'Open Source Contributor' })).toHaveAttribute('data-verdict', 'verified', { timeout: 20_000 });
  await expect(results.filter({ hasText: 'Agile Team Facilitation' })).toHaveAttribute('data-verdict', 'verified');
  await expect(results.filter({ hasText: 'Machine Learning' })).toHaveAttribute('data-verdict', 'failed');
});

test('finds the credential links in a PDF CV and verifies a linked credential', async ({ world, openExtensionPage }) => {
  const verifyPage = await openExtensionPage('verify.html');
  const pdf = await download(world, world.pages.pdf);
  await verifyPage.locator('input[type=file]').setInputFiles({ name: 'grace-hopper-cv.pdf', mimeType: 'application/pdf', buffer: pdf });
  const findings = verifyPage.getByTestId('pdf-finding');
  const inPdf = world.expected.filter((e) => e.page === world.pages.pdf);
  await expect(findings).toHaveCount(inPdf.length, { timeout: 20_000 });
  await expect(findings.filter({ hasText: 'https://www.credly.com/badges/' })).toHaveCount(1);
  const direct = findings.filter({ hasText: 'https://issuer.credlens-demo.org/credentials/cloud-architecture.json' });
  await direct.getByRole('button', { name: 'Verify' }).click();
  const result = verifyPage.getByTestId('credential').filter({ hasText: 'Cloud Architecture Foundations' });
  await expect(result).toHaveAttribute('data-verdict', 'verified', { timeout: 20_000 });
});

test('verifies a pasted signed token and a pasted credential link', async ({ world, openExtensionPage }) => {
  const verifyPage = await openExtensionPage('verify.html');
  const cv = await (await world.transport(world.pages.cv)).text();
  const jws = /<pre[^>]*>([\w.-]+)<\/pre>/.exec(cv)?.[1];
  expect(jws, 'the CV page carries a compact JWS').toBeTruthy();
  const paste = verifyPage.getByRole('textbox', { name: /Or paste a link/ });
  await paste.fill(jws!);
  await verifyPage.getByRole('button', { name: 'Verify', exact: true }).first().click();
  await paste.fill('https://issuer.credlens-demo.org/credentials/secure-coding.json');
  await verifyPage.getByRole('button', { name: 'Verify', exact: true }).first().click();
  const results = verifyPage.getByTestId('credential');
  await expect(results.filter({ hasText: 'Technical Writing' })).toHaveAttribute('data-verdict', 'verified', { timeout: 20_000 });
  await expect(results.filter({ hasText: 'Secure Coding Essentials' })).toHaveAttribute('data-verdict', 'revoked', { timeout: 20_000 });
});
