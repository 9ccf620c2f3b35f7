/** The popup root: the browser-backed popup app. */
import { PopupApp } from '../../components/PopupApp';
import { createBrowserApi, readQuery, type InitialState } from '../../components/PopupApp/api';

export function App({ initial, search }: { initial?: InitialState; search: string }) {
  return <PopupApp api={createBrowserApi(search)} initial={initial} query={readQuery(search)} />;
}
