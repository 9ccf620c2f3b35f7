import { render } from 'preact';
import '../../components/Theme/theme.css';
import './style.css';
import { applyChosenLanguage } from '../../lib/extension/locale';
import { createBrowserApi, loadInitial, readQuery } from '../../components/PopupApp/api';
import { uiLanguage } from '../../lib/extension/i18n';
import { App } from './App';

// One read of tab, results and trust list, then a synchronous first render:
// no "loading" flash in the common case (SECURITY.md budgets: popup first paint ≤ 100 ms).
// The chosen language is read alongside, so the first render is already in it.
const search = location.search;
if (readQuery(search).tabId !== undefined) document.documentElement.classList.add('popped-out');
const root = document.getElementById('app')!;
const initial = loadInitial(createBrowserApi(search));
void applyChosenLanguage().then(async () => {
  document.documentElement.lang = uiLanguage();
  await initial.then(
    (state) => render(<App initial={state} search={search} />, root),
    () => render(<App search={search} />, root),
  );
});
