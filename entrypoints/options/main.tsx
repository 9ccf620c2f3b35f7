import { render } from 'preact';
import '../../components/Theme/theme.css';
import { uiLanguage } from '../../lib/i18n';
import { OptionsApp } from './App';

document.documentElement.lang = uiLanguage();
render(<OptionsApp />, document.getElementById('app')!);
