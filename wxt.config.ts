import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Manifest notes (why each permission exists) live in SECURITY.md; keep the two in step.
export default defineConfig({
  imports: false, // explicit imports keep lib/ runnable in plain Node and readable in review
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Credlens',
    // public/_locales exists, so Chromium refuses to load the extension without a default locale.
    default_locale: 'en',
    description: 'Verifies micro-credentials and digital badges where you meet them: LinkedIn, badge platforms, CVs.',
    permissions: ['storage', 'activeTab', 'contextMenus'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'credlens@credlens.invalid', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
