import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/Theme/theme.css';
import { reportOf, sendToBackground } from '../../components/HistoryView/send';
import { applyChosenLanguage } from '../../lib/extension/locale';
import { SAMPLE_NAME, SAMPLE_TEXT, Welcome, type SampleCheck } from '../../components/Welcome';
import { t, uiLanguage } from '../../lib/extension/i18n';

// Wiring only: the sample is checked by the background, as the verify page checks a pasted credential.
const checkSample: SampleCheck = async () => {
  const sent = await sendToBackground({ type: 'verify/input', input: { text: SAMPLE_TEXT, name: SAMPLE_NAME } });
  if (!sent.ok) return { message: sent.message };
  const report = reportOf(sent.reply);
  return report ? { report } : { message: t('bgNoAnswer') };
};

void applyChosenLanguage().then(() => {
  document.documentElement.lang = uiLanguage();
  document.title = t('welcomeTitle');
  render(<Welcome checkSample={checkSample} verifyPageUrl={browser.runtime.getURL('/verify.html')} />, document.getElementById('app')!);
});
