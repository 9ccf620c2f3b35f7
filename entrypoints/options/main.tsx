import { render } from 'preact';
import '../../components/Theme/theme.css';
import { applyChosenLanguage } from '../../lib/extension/locale';
import { t, uiLanguage } from '../../lib/extension/i18n';
import { OptionsApp } from './App';

// the language chosen here applies before the first render (changing it reloads the page)
void applyChosenLanguage().then(() => {
  document.documentElement.lang = uiLanguage();
  document.title = t('optionsTitle');
  render(<OptionsApp />, document.getElementById('app')!);
});
