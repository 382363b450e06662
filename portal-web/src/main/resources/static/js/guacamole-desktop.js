// A remote desktop in a page element, through the portal's Guacamole tunnel (guacamole-common-js 1.5).
//
//   import { openDesktop } from '/js/guacamole-desktop.js';
//   const desktop = await openDesktop(document.getElementById('desktop'), 'abc123',
//       { clipboard: document.getElementById('clipboard') });
//   desktop.fullscreen();   desktop.disconnect();   desktop.setReadOnly(true);
//
// The page provides <meta name="_csrf"> and <meta name="_csrf_header"> (Spring Security) and, optionally, a textarea
// for the clipboard. Everything about the connection itself (VNC address, password) stays on the server: the page
// only gets a single-use ticket.

const GUACAMOLE_SCRIPT = '/vendor/guacamole/all.min.js';
const RESIZE_DELAY_MS = 250;

/** guacamole-common-js is a classic script defining window.Guacamole; load it once. */
let loading = null;
function loadGuacamole() {
  if (window.Guacamole) {
    return Promise.resolve(window.Guacamole);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = GUACAMOLE_SCRIPT;
      script.onload = () => resolve(window.Guacamole);
      script.onerror = () => reject(new Error('The remote desktop client could not be loaded.'));
      document.head.appendChild(script);
    });
  }
  return loading;
}

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'Accept': 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}),
               ...csrfHeaders() },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    // problem+json from the API: its detail is written for people
    throw new Error(json?.detail || `The portal answered ${response.status}.`);
  }
  return json;
}

/** A message people can act on, for a Guacamole status (the tunnel's close reason or an error instruction). */
function describe(status) {
  const Code = window.Guacamole.Status.Code;
  // a closed tunnel's "message" is only the status code from the close reason
  const message = status.message && !/^\d+$/.test(status.message) ? status.message : null;
  switch (status.code) {
    case Code.UPSTREAM_NOT_FOUND:
    case Code.UPSTREAM_UNAVAILABLE:
      return 'The desktop cannot be reached. Is the instance running?';
    case Code.UPSTREAM_TIMEOUT:
      return 'The desktop stopped answering.';
    case Code.CLIENT_FORBIDDEN:
    case Code.CLIENT_UNAUTHORIZED:
      return 'You may not open this desktop (or the connection ticket expired). Reload the page to try again.';
    case Code.SESSION_CLOSED:
      return message || 'The session was ended.';
    default:
      return message || `The connection failed (code ${status.code}).`;
  }
}

function errorBox(container) {
  const box = document.createElement('div');
  box.className = 'guacamole-error';
  box.setAttribute('role', 'alert');
  box.hidden = true;
  container.appendChild(box);
  return box;
}

/**
 * Connects the desktop of instance `uid` into `container`.
 * options.clipboard: a textarea mirroring the remote clipboard (edits are sent to the desktop unless read-only);
 * options.readOnly: force watching only (otherwise: read-only when the user is the instance's GUEST);
 * options.onstatechange(state): 'connecting' | 'connected' | 'disconnected';
 * options.onerror(message).
 */
export async function openDesktop(container, uid, options = {}) {
  const errors = errorBox(container);
  const fail = message => {
    errors.textContent = message;
    errors.hidden = false;
    options.onerror?.(message);
  };
  const state = name => {
    container.dataset.state = name;
    options.onstatechange?.(name);
  };

  let Guacamole;
  let ticket;
  let readOnly = options.readOnly === true;
  try {
    Guacamole = await loadGuacamole();
    const instance = await api('GET', `/api/instances/${encodeURIComponent(uid)}`);
    readOnly = readOnly || instance.myRole === 'GUEST';
    ticket = await api('POST', `/api/instances/${encodeURIComponent(uid)}/tickets`, { protocol: 'GUACD' });
  } catch (e) {
    fail(e.message);
    state('disconnected');
    throw e;
  }

  const tunnel = new Guacamole.WebSocketTunnel(ticket.websocketPath);
  const client = new Guacamole.Client(tunnel);
  const display = client.getDisplay();
  const screen = display.getElement();
  screen.tabIndex = 0; // keyboard input goes to the desktop only while it has the focus
  screen.classList.add('guacamole-display');
  container.appendChild(screen);
  container.dataset.readOnly = String(readOnly);

  const pixelRatio = () => window.devicePixelRatio || 1;
  const fit = () => {
    const width = display.getWidth();
    const height = display.getHeight();
    if (width > 0 && height > 0) {
      display.scale(Math.min(container.clientWidth / width, container.clientHeight / height));
    }
  };
  display.onresize = fit;

  let resizeTimer = null;
  const onWindowResize = () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (!readOnly) {
        client.sendSize(Math.round(container.clientWidth * pixelRatio()),
            Math.round(container.clientHeight * pixelRatio()));
      }
      fit();
    }, RESIZE_DELAY_MS);
  };
  window.addEventListener('resize', onWindowResize);

  // Input handlers exist for everyone and send only while the person may type: their access can change both ways
  // while connected (the portal drops a watcher's input either way; this keeps the page honest about it).
  const mouse = new Guacamole.Mouse(screen);
  mouse.onEach(['mousedown', 'mouseup', 'mousemove'], e => {
    if (e.type === 'mousedown') {
      screen.focus();
    }
    if (!readOnly) {
      client.sendMouseState(e.state, true);
    }
  });
  display.oncursor = (canvas, x, y) => display.showCursor(!mouse.setCursor(canvas, x, y));
  const keyboard = new Guacamole.Keyboard(screen);
  keyboard.onkeydown = keysym => {
    if (readOnly) {
      return true;
    }
    client.sendKeyEvent(1, keysym);
    return false;
  };
  keyboard.onkeyup = keysym => { if (!readOnly) client.sendKeyEvent(0, keysym); };

  // clipboard: remote → textarea (everyone), textarea → remote (those who may type)
  const clipboard = options.clipboard;
  client.onclipboard = (stream, mimetype) => {
    if (!clipboard || !/^text\//.test(mimetype)) {
      return;
    }
    const reader = new Guacamole.StringReader(stream);
    let text = '';
    reader.ontext = chunk => { text += chunk; };
    reader.onend = () => {
      clipboard.value = text;
      clipboard.dispatchEvent(new CustomEvent('guacamole-clipboard', { detail: text }));
    };
  };
  const sendClipboard = () => {
    if (readOnly) {
      return;
    }
    const writer = new Guacamole.StringWriter(client.createClipboardStream('text/plain'));
    writer.sendText(clipboard.value);
    writer.sendEnd();
  };
  if (clipboard) {
    clipboard.readOnly = readOnly;
    clipboard.addEventListener('change', sendClipboard);
  }

  /** Watching only (true) or in control (false), as the portal decided while connected. */
  const setReadOnly = value => {
    if (value && !readOnly) {
      keyboard.reset(); // release what is held down now, not when input is back
    }
    readOnly = value;
    container.dataset.readOnly = String(readOnly);
    if (clipboard) {
      clipboard.readOnly = readOnly;
    }
  };

  // the error instruction says more than the tunnel's close code: never overwrite it with the latter
  client.onerror = status => fail(describe(status));
  tunnel.onerror = status => { if (errors.hidden) fail(describe(status)); };
  client.onstatechange = clientState => {
    if (clientState === 3) {
      errors.hidden = true;
      state('connected');
      fit();
    } else if (clientState === 5) {
      state('disconnected');
    } else {
      state('connecting');
    }
  };

  const disconnect = () => {
    window.removeEventListener('resize', onWindowResize);
    window.removeEventListener('pagehide', disconnect);
    clipboard?.removeEventListener('change', sendClipboard);
    keyboard.onkeydown = null;
    keyboard.onkeyup = null;
    client.disconnect();
  };
  window.addEventListener('pagehide', disconnect);

  const size = {
    width: Math.round(container.clientWidth * pixelRatio()),
    height: Math.round(container.clientHeight * pixelRatio()),
    dpi: Math.round(96 * pixelRatio()),
  };
  const query = new URLSearchParams({ ticket: ticket.ticket, instance: uid, ...size,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || '' });
  state('connecting');
  client.connect(query.toString());

  return {
    client,
    get readOnly() { return readOnly; },
    setReadOnly,
    disconnect,
    fullscreen: () => (container.requestFullscreen ? container.requestFullscreen() : Promise.resolve())
        .then(onWindowResize),
    /** Sends the clipboard textarea's content to the desktop now (it is also sent when the textarea changes). */
    sendClipboard: () => { if (clipboard) sendClipboard(); },
  };
}
