// The direct VNC path: noVNC in the page, through the portal's relay, with a single-use ticket.
import novnc from '/vendor/novnc/novnc-rfb.js';
import { postJson } from './app.js';

const RFB = novnc.default || novnc;

/** What the viewer says when the connection ends: the portal's reason (access withdrawn, desktop unreachable...). */
function closeReason(close, clean) {
  const reason = close?.reason?.trim();
  if (reason) {
    return /[.!?]$/.test(reason) ? reason : `${reason}.`;
  }
  return clean ? 'The desktop connection was closed.' : 'The desktop connection was lost.';
}

/** A single-use ticket for the instance's VNC tunnel. */
export function vncTicket(uid) {
  return postJson(`/api/instances/${encodeURIComponent(uid)}/tickets`, { protocol: 'VNC' });
}

/**
 * Connects the viewer element to the instance's desktop. Returns the RFB object; `onState` receives
 * 'connected' | 'disconnected' with a reason, `onClipboard` the desktop's clipboard text. `ticket`: a ticket
 * already asked for (a promise), else one is asked for now.
 */
export async function connectVnc(container, uid, { readOnly, onState, onClipboard, ticket: early }) {
  const ticket = (early && await early.catch(() => null)) || await vncTicket(uid);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}${ticket.websocketPath}?ticket=${encodeURIComponent(ticket.ticket)}`
    + `&instance=${encodeURIComponent(uid)}`;
  // The page opens the websocket itself (noVNC takes one as well as a URL) to read why the portal closed it: noVNC's
  // own 'disconnect' event says only whether the close was clean.
  const socket = new WebSocket(url);
  let closed = null;
  socket.addEventListener('close', (event) => { closed = event; });
  const rfb = new RFB(container, socket, { shared: true });
  // the remote screen follows the viewer's size (RFB SetDesktopSize, when the VNC server supports it; watchers never
  // ask, and the portal drops it from them); scaled to fit until it has
  rfb.scaleViewport = true;
  rfb.resizeSession = true;
  rfb.viewOnly = !!readOnly;
  rfb.focusOnClick = true;
  rfb.background = '#1d2430';
  rfb.addEventListener('connect', () => onState?.('connected'));
  rfb.addEventListener('disconnect', (event) => onState?.('disconnected', closeReason(closed, event.detail.clean)));
  rfb.addEventListener('clipboard', (event) => onClipboard?.(event.detail.text));
  return rfb;
}
