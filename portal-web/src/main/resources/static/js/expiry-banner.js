// Deletion warnings on the instance page and the dashboard cards (templates/instance/lifetime.html): a countdown on
// the portal's clock, the banner shown the moment the warning window opens, its one button (Extend, Ask for more
// time, I'm still here), fresh views after live events from any replica, and a place inside the desktop in full
// screen. The portal's clock is taken from data-now when an element arrives, so a browser whose clock is off (or a
// portal whose clock tests move) still counts down to the portal's deadline.
import { postJson, toast } from './app.js';

const offsets = new WeakMap();
const DISMISSED = 'vantage.dismissed-decisions';

/** "in 2 days 4 h", "in 5 h 12 min", "in 17 min", "in 1 min 47 s", "in 47 s", "now" (as LifetimeFormats). */
export function countdown(ms) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds === 0) return 'now';
  if (seconds < 120) return seconds < 60 ? `in ${seconds} s` : `in 1 min ${seconds - 60} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `in ${hours} h ${minutes % 60} min`;
  return `in ${Math.floor(hours / 24)} days ${hours % 24} h`;
}

/** Remembers how far the portal's clock is from this browser's, for every element that came with data-now. */
function note(root) {
  const elements = [...root.querySelectorAll('[data-now]')];
  if (root.dataset?.now) elements.push(root);
  elements.forEach((el) => { if (!offsets.has(el)) offsets.set(el, Date.parse(el.dataset.now) - Date.now()); });
}

function portalNow(el) {
  return Date.now() + (offsets.get(el) ?? 0);
}

function tick() {
  document.querySelectorAll('.expiry-countdown[data-deadline]').forEach((el) => {
    el.textContent = countdown(Date.parse(el.dataset.deadline) - portalNow(el));
  });
  document.querySelectorAll('.expiry-banner[data-warn-from]').forEach((banner) => {
    const open = portalNow(banner) >= Date.parse(banner.dataset.warnFrom);
    if (banner.hidden === open) banner.hidden = !open;
  });
  const dismissed = JSON.parse(sessionStorage.getItem(DISMISSED) || '[]');
  document.querySelectorAll('.expiry-decision[data-request]').forEach((notice) => {
    if (dismissed.includes(notice.dataset.request)) notice.remove();
  });
}

/** Asks for this person's view of the instance's lifetime again: the page's parts, or the dashboard's card. */
async function refresh(uid) {
  const live = document.querySelector(`#lifetime-live[data-lifetime-uid="${uid}"]`);
  if (live) {
    const html = await (await fetch(live.dataset.lifetimeUrl, { credentials: 'same-origin' })).text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    const area = next.getElementById('lifetime-live');
    if (area) live.replaceChildren(...area.childNodes);
    const panel = document.getElementById('lifetime-panel');
    const nextPanel = next.getElementById('lifetime-panel');
    if (panel && nextPanel) panel.replaceWith(nextPanel);
    note(document);
  }
  document.querySelectorAll(`.card.instance[data-live-uid="${uid}"]`).forEach((card) => {
    htmx.ajax('GET', card.dataset.liveUrl, { target: card, swap: 'outerHTML' });
  });
  tick();
}

function uidOf(el) {
  return el.closest('[data-uid]')?.dataset.uid;
}

function showError(el, message) {
  const box = el.closest('.expiry-banner, #lifetime-panel')?.querySelector('.expiry-error');
  if (box) box.textContent = message; else toast(message, 'danger');
}

async function act(el, request) {
  const uid = uidOf(el);
  el.querySelectorAll?.('button').forEach((b) => { b.disabled = true; });
  if (el.tagName === 'BUTTON') el.disabled = true;
  try {
    await request(uid);
    await refresh(uid);
  } catch (e) {
    showError(el, e.message);
    if (el.tagName === 'BUTTON') el.disabled = false;
    el.querySelectorAll?.('button').forEach((b) => { b.disabled = false; });
  }
}

const when = (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-expiry]');
  if (button?.dataset.expiry === 'extend') {
    act(button, async (uid) => {
      const done = await postJson(`/api/instances/${uid}/extend`);
      toast(`Extended: it now lives until ${when(done.requestedUntil)}.`);
    });
  } else if (button?.dataset.expiry === 'still-here') {
    act(button, async (uid) => {
      const view = await postJson(`/api/instances/${uid}/still-here`);
      toast(`Thank you. If unused from now on, it will be deleted ${countdown(Date.parse(view.deletionAt) - Date.parse(view.now))}.`);
    });
  }
  const close = event.target.closest('.expiry-decision .btn-close');
  if (close) {
    const dismissed = JSON.parse(sessionStorage.getItem(DISMISSED) || '[]');
    sessionStorage.setItem(DISMISSED, JSON.stringify([...dismissed, close.closest('.expiry-decision').dataset.request]));
  }
});

document.addEventListener('submit', (event) => {
  const form = event.target.closest('form[data-expiry]');
  if (!form) return;
  event.preventDefault();
  if (form.dataset.expiry === 'ask') {
    const reason = form.querySelector('[name=reason]').value.trim();
    if (!reason) {
      showError(form, 'Say in a few words why you need more time.');
      form.querySelector('[name=reason]').focus();
      return;
    }
    const until = form.closest('.expiry-banner').dataset.suggestedUntil;
    act(form, (uid) => postJson(`/api/instances/${uid}/extension-requests`, { requestedUntil: until, comments: reason })
      .then(() => toast('Sent to the administrators: you will see their answer here and by e-mail.')));
  } else if (form.dataset.expiry === 'request') {
    const day = form.querySelector('[name=until]').value;
    if (!day) {
      showError(form, 'Choose the day until which you need the instance.');
      return;
    }
    const until = new Date(`${day}T23:00:00Z`).toISOString();
    act(form, (uid) => postJson(`/api/instances/${uid}/extension-requests`,
      { requestedUntil: until, comments: form.querySelector('[name=comment]').value })
      .then((r) => toast(r?.state === 'ACCEPTED' ? 'Extended.' : 'Request sent to the administrators.')));
  }
});

// Live: a warning, an extension or its answer, use again after a warning; deletion turns the page final.
['vantage:warning', 'vantage:lifetime'].forEach((name) => document.addEventListener(name, (event) => {
  if (event.detail.message && name === 'vantage:lifetime') toast(event.detail.message, 'info');
  refresh(event.detail.uid).catch(() => {});
}));
document.addEventListener('vantage:state', (event) => {
  const live = document.querySelector(`#lifetime-live[data-lifetime-uid="${event.detail.uid}"]`);
  if (!live || !['DELETING', 'DELETED'].includes(event.detail.state)) return;
  // nothing here may still offer to act on it: the header's buttons and the banner go at once
  document.querySelectorAll('#instance-actions [data-action]').forEach((button) => button.remove());
  live.querySelectorAll('.expiry-banner').forEach((banner) => banner.remove());
  refresh(event.detail.uid).catch(() => {});
});
document.body.addEventListener('htmx:afterSwap', (event) => { note(event.target); tick(); });

// In full screen the desktop covers the page: the warning goes inside it, over the picture, and back afterwards.
let home = null;
document.addEventListener('fullscreenchange', () => {
  const live = document.getElementById('lifetime-live');
  const full = document.fullscreenElement;
  if (!live) return;
  if (full && full.tagName !== 'IFRAME' && !full.contains(live)) {
    home = { parent: live.parentNode, next: live.nextSibling };
    full.append(live);
    live.classList.add('lifetime-overlay');
  } else if (!full && home) {
    home.parent.insertBefore(live, home.next);
    live.classList.remove('lifetime-overlay');
    home = null;
  }
});

note(document);
tick();
setInterval(tick, 1000);
