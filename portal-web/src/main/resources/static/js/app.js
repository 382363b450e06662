// Page behaviour shared by all pages: CSRF on htmx and fetch, live instance updates, relative times, notices.
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

export function csrfHeaders() {
  return csrfToken && csrfHeader ? { [csrfHeader]: csrfToken } : {};
}

export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error(data?.detail || `Request failed (${response.status})`);
    error.status = response.status;
    error.problem = data;
    throw error;
  }
  return data;
}

export function toast(message, level = 'info') {
  const container = document.getElementById('toasts');
  if (!container) return;
  const element = document.createElement('div');
  element.className = `toast align-items-center text-bg-${level} border-0`;
  element.setAttribute('role', level === 'danger' || level === 'warning' ? 'alert' : 'status');
  element.innerHTML = '<div class="d-flex"><div class="toast-body"></div>'
    + '<button type="button" class="btn-close btn-close-white me-2 m-auto" data-bs-dismiss="toast" aria-label="Close"></button></div>';
  element.querySelector('.toast-body').textContent = message;
  container.appendChild(element);
  new bootstrap.Toast(element, { delay: level === 'warning' ? 15000 : 6000 }).show();
}

document.body.addEventListener('htmx:configRequest', (event) => Object.assign(event.detail.headers, csrfHeaders()));
document.body.addEventListener('htmx:responseError', (event) => {
  let message = 'That did not work.';
  try { message = JSON.parse(event.detail.xhr.responseText).detail || message; } catch (e) { /* not JSON */ }
  toast(message, 'danger');
});

// Relative times ("in 3 days") kept fresh without reloading.
function relative(iso) {
  const ms = new Date(iso).getTime() - Date.now();
  const abs = Math.abs(ms);
  const units = [['day', 86400000], ['hour', 3600000], ['minute', 60000]];
  for (const [unit, size] of units) {
    if (abs >= 2 * size) {
      const n = Math.floor(abs / size);
      return ms >= 0 ? `in ${n} ${unit}s` : `${n} ${unit}s ago`;
    }
  }
  const seconds = Math.floor(abs / 1000);
  return ms >= 0 ? `in ${seconds} seconds` : `${seconds} seconds ago`;
}
function refreshTimes(root = document) {
  root.querySelectorAll('time[data-relative]').forEach((el) => { el.textContent = relative(el.dateTime); });
  root.querySelectorAll('[data-elapsed-since]').forEach((el) => {
    const s = Math.max(0, Math.floor((Date.now() - new Date(el.dataset.elapsedSince).getTime()) / 1000));
    el.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  });
}
refreshTimes();
setInterval(refreshTimes, 1000);
document.body.addEventListener('htmx:afterSwap', (event) => refreshTimes(event.target));

// Live updates: the server pushes state changes of the instances this person may see.
if (document.body.dataset.user) {
  const events = new EventSource('/api/events');
  // (re)connected: pages catch up with what changed before they were listening (a page rendered while its
  // instance started may otherwise miss the ACTIVE that came before its subscription)
  events.addEventListener('open', () => document.dispatchEvent(new CustomEvent('vantage:live')));
  events.addEventListener('state', (event) => {
    const data = JSON.parse(event.data);
    document.querySelectorAll(`[data-live-uid="${data.uid}"]`).forEach((el) => {
      htmx.ajax('GET', el.dataset.liveUrl, { target: el, swap: 'outerHTML' });
    });
    document.dispatchEvent(new CustomEvent('vantage:state', { detail: data }));
  });
  events.addEventListener('warning', (event) => {
    const data = JSON.parse(event.data);
    toast(data.message || 'This instance will soon be deleted.', 'warning');
    document.dispatchEvent(new CustomEvent('vantage:warning', { detail: data }));
  });
  // an instance's lifetime changed (extended, answered, used again); admins also hear extension requests
  ['lifetime', 'extension-request'].forEach((type) => events.addEventListener(type, (event) => {
    document.dispatchEvent(new CustomEvent(`vantage:${type}`, { detail: JSON.parse(event.data) }));
  }));
  events.addEventListener('members', (event) => {
    document.dispatchEvent(new CustomEvent('vantage:members', { detail: JSON.parse(event.data) }));
  });
  events.addEventListener('sessions', (event) => {
    document.dispatchEvent(new CustomEvent('vantage:sessions', { detail: JSON.parse(event.data) }));
  });
  // what this person's open desktop connection may do now (admins also hear others': pages check the userId)
  events.addEventListener('access', (event) => {
    document.dispatchEvent(new CustomEvent('vantage:access', { detail: JSON.parse(event.data) }));
  });
}

document.querySelectorAll('.notice-modal').forEach((el) => new bootstrap.Modal(el).show());
