import { mount } from 'svelte';
import { appUpdate } from './state/services';
import App from './ui/App.svelte';
import './ui/styles/app.scss';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element');
export default mount(App, { target });

// The service worker is only built for production; `vite dev` has none.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void import('virtual:pwa-register').then(({ registerSW }) =>
    appUpdate.start((callbacks) => registerSW(callbacks)),
  );
}
