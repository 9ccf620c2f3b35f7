import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Why each permission exists is noted next to it below (SECURITY.md rule 4: minimal permissions).
export default defineConfig({
  imports: false, // explicit imports keep lib/ runnable in plain Node and readable in review
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Credlens',
    // public/_locales exists, so Chromium refuses to load the extension without a default locale.
    default_locale: 'en',
    description: 'Verifies micro-credentials and digital badges where you meet them: LinkedIn, badge platforms, CVs.',
    // storage: per-tab results, caches, settings. activeTab: scan the current page when the user asks
    // (popup, context menu) without broad host access. contextMenus: "Verify this badge".
    // scripting: inject the content script on that user request, and register it on every
    // https page only when the user turns on "scan every page" (SECURITY.md rule 4).
    permissions: ['storage', 'activeTab', 'contextMenus', 'scripting'],
    // Requested by the options page, never at install: issuer key/status fetches without CORS
    // limits, and the opt-in "scan every page".
    // (MV2 builds, Firefox's default, list host patterns under optional_permissions instead.)
    ...(manifestVersion === 2 ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'credlens@credlens.invalid', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
