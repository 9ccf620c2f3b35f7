import { render } from 'preact';
import '../../components/Theme/theme.css';
import { applyChosenLanguage } from '../../components/Locale';
import { uiLanguage } from '../../lib/i18n';
import { VerifyApp } from './App';

// the language chosen on the options page applies before the first render
void applyChosenLanguage().then(() => {
  document.documentElement.lang = uiLanguage();
  render(<VerifyApp />, document.getElementById('app')!);
});
