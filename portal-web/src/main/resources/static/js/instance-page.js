// The instance page: keeps the status area in step with live state changes and runs the desktop viewer.
import { toast } from './app.js';
import { renderLifetime, renderMembers } from './members-panel.js';

const main = document.querySelector('main[data-instance]');
const uid = main.dataset.instance;
let viewer = null;

async function refreshStatus() {
  const current = document.getElementById('instance-status');
  const html = await (await fetch(`/fragments/instances/${encodeURIComponent(uid)}/status`)).text();
  const next = new DOMParser().parseFromString(html, 'text/html').getElementById('instance-status');
  const badge = await (await fetch(`/fragments/instances/${encodeURIComponent(uid)}/badge`)).text();
  document.getElementById('instance-state').outerHTML = badge;
  const liveViewer = current.dataset.mode === next.dataset.mode && ['desktop', 'guacamole', 'notebook'].includes(next.dataset.mode);
  if (!liveViewer) {
    viewer?.disconnect?.();
    viewer = null;
    current.replaceWith(next);
    htmx.process(next);
    start();
  }
  htmx.ajax('GET', `/fragments/instances/${encodeURIComponent(uid)}/history`, { target: '#history', swap: 'outerHTML' });
}

function setStatus(text) {
  const status = document.getElementById('viewer-status');
  if (status) {
    status.textContent = text || '';
    status.classList.toggle('d-none', !text);
  }
}

async function startDesktop(element) {
  const readOnly = element.dataset.readonly === 'true';
  const clipboard = document.getElementById('clipboard-text');
  const reconnect = document.getElementById('reconnect-button');
  try {
    if (element.dataset.protocol === 'GUACD') {
      const { openDesktop } = await import('./guacamole-desktop.js');
      const desktop = await openDesktop(element, uid, {
        readOnly,
        clipboard,
        onstatechange: (state) => {
          setStatus(state === 'connected' ? '' : state === 'connecting' ? 'Connecting…' : 'The desktop connection was closed.');
          element.dataset.connected = state === 'connected';
          reconnect?.classList.toggle('d-none', state !== 'disconnected');
        },
      });
      // The page's buttons call the same names for both viewers.
      viewer = { disconnect: desktop.disconnect, clipboardPasteFrom: () => desktop.sendClipboard() };
      return;
    }
    const { connectVnc } = await import('./desktop-vnc.js');
    viewer = await connectVnc(element, uid, {
      readOnly,
      onState: (state, reason) => {
        setStatus(state === 'connected' ? '' : reason);
        element.dataset.connected = state === 'connected';
        reconnect?.classList.toggle('d-none', state === 'connected');
      },
      onClipboard: (text) => { if (clipboard) clipboard.value = text; },
    });
  } catch (error) {
    setStatus(error.message);
    reconnect?.classList.remove('d-none');
  }
}

function start() {
  const element = document.getElementById('viewer');
  if (element?.dataset.uid) {
    startDesktop(element);
  }
  document.getElementById('fullscreen-button')?.addEventListener('click', () => element?.requestFullscreen());
  document.getElementById('reconnect-button')?.addEventListener('click', () => {
    viewer?.disconnect?.();
    element.querySelectorAll('canvas, div:not(#viewer-status)').forEach((child) => child.remove());
    startDesktop(element);
  });
  document.getElementById('clipboard-send')?.addEventListener('click', () => {
    const text = document.getElementById('clipboard-text').value;
    viewer?.clipboardPasteFrom?.(text);
    toast('Sent to the desktop clipboard.');
  });
}

document.addEventListener('vantage:state', (event) => {
  if (event.detail.uid === uid) {
    refreshStatus();
  }
});
document.addEventListener('vantage:warning', (event) => {
  if (event.detail.uid === uid) {
    const banner = document.getElementById('expiry-warning');
    banner.textContent = event.detail.message;
    banner.classList.remove('d-none');
  }
});
document.body.addEventListener('htmx:afterRequest', (event) => {
  if (event.detail.requestConfig.verb === 'post' && event.detail.successful) refreshStatus();
});

start();

const membersPanel = document.getElementById('members-panel');
if (membersPanel) {
  renderMembers(membersPanel).catch((e) => { membersPanel.textContent = e.message; });
  ['vantage:members', 'vantage:sessions'].forEach((name) => document.addEventListener(name, (event) => {
    if (event.detail.uid === uid) renderMembers(membersPanel).catch(() => {});
  }));
}
const lifetime = document.getElementById('lifetime-actions');
if (lifetime && lifetime.dataset.control === 'true') renderLifetime(lifetime);
