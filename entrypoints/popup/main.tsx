import { render } from 'preact';

render(<p>Credlens</p>, document.getElementById('app')!);
