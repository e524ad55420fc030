import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/styles/app.scss';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element');
export default mount(App, { target });
