// The instance page: keeps the status area in step with live state changes and runs the desktop viewer, whose input
// follows the person's access as the portal decides it while they are connected.
import { toast } from './app.js';
import { renderMembers } from './members-panel.js';

const main = document.querySelector('main[data-instance]');
const uid = main.dataset.instance;
const me = document.body.dataset.user;
let viewer = null;
/** A ticket asked for as soon as the desktop was ready, while its viewer is fetched (a promise, used once). */
let earlyTicket = null;
/** The VNC viewer opened on the ACTIVE event, in place of the progress card, until the desktop's fragment comes. */
let earlyViewer = null;

async function refreshStatus() {
  // both at once: when the desktop has just become ready, every round trip delays its first picture
  const [html, badge] = await Promise.all([
    fetch(`/fragments/instances/${encodeURIComponent(uid)}/status`).then((r) => r.text()),
    fetch(`/fragments/instances/${encodeURIComponent(uid)}/badge`).then((r) => r.text())]);
  // what is on the page now: another refresh may have replaced it while this one was fetched
  const current = document.getElementById('instance-status');
  const next = new DOMParser().parseFromString(html, 'text/html').getElementById('instance-status');
  const liveViewer = current.dataset.mode === next.dataset.mode && ['desktop', 'guacamole', 'notebook'].includes(next.dataset.mode);
  if (earlyViewer && next.dataset.mode === 'progress') {
    return; // rendered before the desktop was ready; the refresh its ACTIVE asked for brings the desktop
  }
  document.getElementById('instance-state').outerHTML = badge;
  const early = earlyViewer;
  earlyViewer = null;
  if (early && next.dataset.mode === 'desktop' && early.isConnected) {
    // the viewer connected while this was fetched: it keeps its connection and moves into the desktop's layout
    next.querySelector('#viewer').replaceWith(early);
    current.replaceWith(next);
    htmx.process(next);
    bindControls(early);
  } else if (liveViewer) {
    current.querySelector('#time-limit-problem')?.replaceWith(next.querySelector('#time-limit-problem'));
  } else {
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

const ACCESS_TEXT = { control: 'You can type again', watching: 'You are watching', closed: 'Disconnected' };
const ACCESS_STYLE = { control: 'alert-success', watching: 'alert-warning', closed: 'alert-danger' };

/** Shows what this person's connection may do now ('control', 'watching' or 'closed') and why. */
function showAccess(access, reason) {
  const element = document.getElementById('viewer');
  if (!element) return;
  element.dataset.access = access;
  element.dataset.readonly = String(access !== 'control');
  viewer?.setReadOnly?.(access !== 'control');
  document.getElementById('readonly-note')?.classList.toggle('d-none', access !== 'watching');
  document.getElementById('clipboard-send')?.classList.toggle('d-none', access !== 'control');
  const banner = document.getElementById('access-banner');
  if (banner && reason !== undefined) {
    banner.textContent = reason ? `${ACCESS_TEXT[access]}: ${reason}.` : `${ACCESS_TEXT[access]}.`;
    banner.className = `alert py-2 mb-2 ${ACCESS_STYLE[access]}`;
  }
}

async function startDesktop(element) {
  const readOnly = element.dataset.readonly === 'true';
  showAccess(readOnly ? 'watching' : 'control');
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
      viewer = { disconnect: desktop.disconnect, clipboardPasteFrom: () => desktop.sendClipboard(),
        setReadOnly: desktop.setReadOnly };
      return;
    }
    const { connectVnc } = await import('./desktop-vnc.js');
    const ticket = earlyTicket;
    earlyTicket = null;
    const rfb = await connectVnc(element, uid, {
      readOnly,
      ticket,
      onState: (state, reason) => {
        setStatus(state === 'connected' ? '' : reason);
        element.dataset.connected = state === 'connected';
        reconnect?.classList.toggle('d-none', state === 'connected');
      },
      onClipboard: (text) => { if (clipboard) clipboard.value = text; },
    });
    viewer = { disconnect: () => rfb.disconnect(), clipboardPasteFrom: (text) => rfb.clipboardPasteFrom(text),
      setReadOnly: (value) => { rfb.viewOnly = value; } };
  } catch (error) {
    setStatus(error.message);
    reconnect?.classList.remove('d-none');
  }
}

async function startNotebook(element) {
  const { openNotebook } = await import('./notebook-frame.js');
  viewer = await openNotebook(element);
}

/**
 * A VNC desktop that has just become ready is opened at once, where the progress card was: no round trip for the
 * page's own fragment first (it follows, and the viewer moves into it connected).
 */
function startEarly() {
  const status = document.getElementById('instance-status');
  const progress = document.getElementById('progress');
  if (earlyViewer || !progress || status?.dataset.mode !== 'progress' || status.dataset.protocol !== 'VNC'
      || status.dataset.connect !== 'true') {
    return false;
  }
  const element = document.createElement('div');
  element.className = 'viewer';
  element.id = 'viewer';
  Object.assign(element.dataset, { uid, protocol: 'VNC', readonly: status.dataset.readonly || 'false' });
  const note = document.createElement('div');
  note.className = 'viewer-status';
  note.id = 'viewer-status';
  note.textContent = status.dataset.connecting || '';
  element.appendChild(note);
  progress.replaceWith(element);
  earlyViewer = element;
  startDesktop(element);
  return true;
}

function start() {
  const element = document.getElementById('viewer');
  if (element?.dataset.uid) {
    startDesktop(element);
  } else if (document.getElementById('instance-status')?.dataset.mode === 'progress') {
    // while the machine starts, load the viewers, so it can be shown the moment it is ready
    import('./desktop-vnc.js').catch(() => {});
  }
  const notebook = document.getElementById('notebook');
  if (notebook) {
    startNotebook(notebook);
  }
  bindControls(element);
}

/** The buttons around a desktop viewer. */
function bindControls(element) {
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
    const status = document.getElementById('instance-status');
    if (event.detail.state === 'ACTIVE' && status?.dataset.mode === 'progress' && status.dataset.protocol === 'VNC') {
      // the desktop is ready: connect now, while the page's fragment for it is fetched
      earlyTicket = import('./desktop-vnc.js').then(({ vncTicket }) => vncTicket(uid));
      startEarly();
    }
    refreshStatus();
  }
});
document.addEventListener('vantage:live', () => {
  // listening (again): a machine on its way may have become ready before this page heard of it
  if (document.getElementById('instance-status')?.dataset.mode === 'progress') {
    refreshStatus();
  }
});
document.addEventListener('vantage:access', (event) => {
  if (event.detail.uid === uid && event.detail.userId === me) {
    showAccess(event.detail.access, event.detail.reason || null);
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
