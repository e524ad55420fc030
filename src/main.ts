import { mount } from 'svelte';
import { parseRoute } from './state/router.svelte';
import { appUpdate, startWorkspace } from './state/services';
import App from './ui/App.svelte';
import { preloadPage } from './ui/shell/pages';
import './ui/styles/app.scss';

// The workspace and the first page's code start loading before the shell is drawn; the shell waits
// for the same start.
void startWorkspace();
preloadPage(parseRoute(location.hash));

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
