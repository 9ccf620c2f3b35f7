import { render } from 'preact';
import '../../components/Theme/theme.css';
import { applyChosenLanguage } from '../../lib/extension/locale';
import { t, uiLanguage } from '../../lib/extension/i18n';
import { VerifyApp } from './App';

// the language chosen on the options page applies before the first render
void applyChosenLanguage().then(() => {
  document.documentElement.lang = uiLanguage();
  document.title = `${t('extName')}: ${t('verifyTitle')}`;
  render(<VerifyApp />, document.getElementById('app')!);
});
