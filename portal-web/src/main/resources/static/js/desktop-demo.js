// The demo desktop page: one desktop, its clipboard, full screen and disconnect buttons.
import { openDesktop } from './guacamole-desktop.js';

const container = document.getElementById('desktop');
const desktop = await openDesktop(container, container.dataset.instance,
    { clipboard: document.getElementById('clipboard') });
// reachable from the browser console (and the browser test)
window.vantageDesktop = desktop;
document.getElementById('fullscreen').addEventListener('click', () => desktop.fullscreen());
document.getElementById('disconnect').addEventListener('click', () => desktop.disconnect());
