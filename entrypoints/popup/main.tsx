import { render } from 'preact';
import '../../components/Theme/theme.css';
import './style.css';
import { createBrowserApi, loadInitial, readQuery } from '../../components/PopupApp/api';
import { uiLanguage } from '../../lib/i18n';
import { App } from './App';

// One read of tab, results and trust list, then a synchronous first render:
// no "loading" flash in the common case (security.md popup budget: first paint ≤ 100 ms).
const search = location.search;
document.documentElement.lang = uiLanguage();
if (readQuery(search).tabId !== undefined) document.documentElement.classList.add('popped-out');
const root = document.getElementById('app')!;
void loadInitial(createBrowserApi(search)).then(
  (initial) => render(<App initial={initial} search={search} />, root),
  () => render(<App search={search} />, root),
);
