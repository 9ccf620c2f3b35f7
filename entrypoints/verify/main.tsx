import { render } from 'preact';
import '../../components/Theme/theme.css';
import { uiLanguage } from '../../lib/i18n';
import { VerifyApp } from './App';

document.documentElement.lang = uiLanguage();
render(<VerifyApp />, document.getElementById('app')!);
