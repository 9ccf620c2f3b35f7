/**
 * The quality profile in the pop-out: a credential that carries every EU
 * standard element in a dedicated field is shown with all eleven present,
 * each with the field it was read from.
 */
import { MICRO_CREDENTIAL_TITLE } from '../world/micro-credential';
import { expect, test } from './fixtures';
import { openAndWaitForVerdicts } from './flow';

const A = 'credentialSubject.achievement';

/** Where the demo world put each element (tests/world/micro-credential.ts), in the order of the EU Annex I list. */
const SOURCES: readonly [element: string, source: string][] = [
  ['learner', 'credentialSubject.identifier'],
  ['title', `${A}.name`],
  ['issuerCountry', 'issuer.address.addressCountry'],
  ['awardingBody', 'issuer.name'],
  ['dateOfIssue', 'validFrom'],
  ['learningOutcomes', `${A}.alignment`],
  ['workload', `${A}.creditsAvailable`],
  ['level', `${A}.alignment`],
  ['assessment', `${A}.resultDescription.resultType`],
  ['participation', `${A}.alignment`],
  ['qualityAssurance', `${A}.endorsement[0]`],
];

test('the quality profile of a fully described credential lists all eleven elements with their sources', async ({ page, world, serviceWorker, openExtensionPage }) => {
  const onProfile = world.expected.filter((e) => e.page === world.pages.profile);
  expect(onProfile.find((e) => e.title === MICRO_CREDENTIAL_TITLE)?.verdict).toBe('verified');
  const tabId = await openAndWaitForVerdicts(page, serviceWorker, world.pages.profile, onProfile.length);
  const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
  const row = popup.getByTestId('credential').filter({ hasText: MICRO_CREDENTIAL_TITLE });
  await expect(row).toHaveAttribute('data-verdict', 'verified');
  await row.click();
  await expect(popup.getByRole('heading', { name: MICRO_CREDENTIAL_TITLE })).toBeVisible();

  const panel = popup.getByTestId('quality-profile');
  const summary = panel.locator('summary');
  await expect(summary).toContainText('Micro-credential profile: 11 of 11 EU elements');
  await expect(summary).toContainText('assessed');
  await expect(summary).toContainText('quality assured');
  await summary.click();
  const elements = panel.locator('li[data-element]');
  await expect(elements).toHaveCount(SOURCES.length);
  // field paths are technical words: they appear with the technical details only
  await expect(panel.locator('code')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Show technical details' }).click();
  for (const [element, source] of SOURCES) {
    const item = panel.locator(`li[data-element="${element}"]`);
    await expect(item, element).toBeVisible();
    await expect(item, element).toHaveAttribute('data-presence', 'present');
    await expect(item.locator('code'), element).toHaveText(`from ${source}`);
  }
  // the values a recruiter reads next to the sources
  await expect(panel.locator('li[data-element="level"]')).toContainText('EQF level 6');
  await expect(panel.locator('li[data-element="workload"]')).toContainText('5 ECTS');
  await expect(panel.locator('li[data-element="participation"]')).toContainText('Online');
  await expect(panel).toContainText('algorithms');
});
