// The instance page's members tab: who has access (and who is connected), sharing, invitation links.
import { csrfHeaders, postJson, toast } from './app.js';

const ROLES = { OWNER: 'Owner', USER: 'Member (full control)', GUEST: 'Guest (view only)', SUPPORT: 'Support' };

async function request(method, url, body) {
  const response = await fetch(url, {
    method, credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    let detail = `Request failed (${response.status})`;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* no body */ }
    throw new Error(detail);
  }
  return response.status === 204 ? null : response.json();
}

function element(tag, attributes = {}, text) {
  const el = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => el.setAttribute(k, v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export async function renderMembers(panel) {
  const uid = panel.dataset.uid;
  const manage = panel.dataset.manage === 'true';
  const [members, connected] = await Promise.all([
    request('GET', `/api/instances/${uid}/members`),
    request('GET', `/api/instances/${uid}/sessions`).catch(() => []),
  ]);
  const online = new Set(connected.map((c) => c.userId));
  const list = element('ul', { class: 'list-unstyled mb-3', id: 'member-list' });
  members.forEach((m) => {
    const item = element('li', { class: 'd-flex align-items-center gap-2 mb-2', 'data-member': m.userId, 'data-role': m.role });
    const name = element('span', { class: 'flex-grow-1' }, m.name);
    if (online.has(m.userId)) name.append(' ', element('span', { class: 'badge text-bg-success', title: 'Connected now' }, 'online'));
    item.append(name);
    if (manage && m.role !== 'OWNER') {
      const select = element('select', { class: 'form-select form-select-sm w-auto', 'aria-label': `Role of ${m.name}` });
      ['USER', 'GUEST', 'SUPPORT'].forEach((r) => {
        const option = element('option', { value: r }, ROLES[r]);
        if (r === m.role) option.selected = true;
        select.append(option);
      });
      select.addEventListener('change', () => request('PUT', `/api/instances/${uid}/members/${encodeURIComponent(m.userId)}`,
        { role: select.value }).then(() => toast('Role changed.')).catch((e) => toast(e.message, 'danger')));
      const remove = element('button', { class: 'btn btn-sm btn-outline-danger', type: 'button', 'aria-label': `Remove ${m.name}` }, '×');
      remove.addEventListener('click', () => request('DELETE', `/api/instances/${uid}/members/${encodeURIComponent(m.userId)}`)
        .then(() => renderMembers(panel)).catch((e) => toast(e.message, 'danger')));
      item.append(select, remove);
    } else {
      item.append(element('span', { class: 'badge text-bg-light' }, ROLES[m.role] || m.role));
    }
    list.append(item);
  });
  // A refresh (after a live event) replaces only the list: what someone is typing in the forms stays.
  const shown = panel.querySelector('#member-list');
  if (shown) {
    shown.replaceWith(list);
  } else {
    panel.replaceChildren(list);
    if (manage) panel.append(shareForm(panel, uid), invitationForm(uid));
  }
}

function shareForm(panel, uid) {
  const form = element('form', { class: 'mb-3', id: 'share-form' });
  form.innerHTML = '<label class="form-label" for="share-search">Share with</label>'
    + '<input class="form-control form-control-sm mb-1" id="share-search" list="share-people" autocomplete="off" '
    + 'placeholder="Name or e-mail (2 letters or more)"><datalist id="share-people"></datalist>'
    + '<label class="visually-hidden" for="share-role">Role</label>'
    + '<div class="d-flex gap-1"><select class="form-select form-select-sm" id="share-role">'
    + '<option value="USER">Member (full control)</option><option value="GUEST">Guest (view only)</option>'
    + '<option value="SUPPORT">Support</option></select>'
    + '<button class="btn btn-sm btn-primary" type="submit" id="share-submit">Add</button></div>';
  const input = form.querySelector('#share-search');
  const people = form.querySelector('#share-people');
  let found = [];
  input.addEventListener('input', async () => {
    if (input.value.trim().length < 2) return;
    found = (await request('GET', `/api/users/search?q=${encodeURIComponent(input.value.trim())}`)).items;
    people.replaceChildren(...found.map((p) => element('option', { value: `${p.name} (${p.id})` })));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const match = input.value.match(/\(([^()]+)\)\s*$/);
    const userId = match ? match[1] : input.value.trim();
    request('POST', `/api/instances/${uid}/members`, { userId, role: form.querySelector('#share-role').value })
      .then(() => { toast('Shared.'); renderMembers(panel); })
      .catch((e) => toast(e.message, 'danger'));
  });
  return form;
}

function invitationForm(uid) {
  const box = element('div', { id: 'invitation-box' });
  box.innerHTML = '<div class="d-flex gap-1 align-items-center"><label class="visually-hidden" for="invite-role">Role</label>'
    + '<select class="form-select form-select-sm" id="invite-role"><option value="USER">Member</option>'
    + '<option value="GUEST">Guest</option></select>'
    + '<button class="btn btn-sm btn-outline-primary text-nowrap" type="button" id="invite-create">Invitation link</button></div>'
    + '<input class="form-control form-control-sm mt-1 d-none" id="invite-url" readonly aria-label="Invitation link">'
    + '<div class="form-text">Single use, valid 24 hours.</div>';
  box.querySelector('#invite-create').addEventListener('click', async () => {
    try {
      const created = await postJson(`/api/instances/${uid}/invitations`, { role: box.querySelector('#invite-role').value });
      const url = box.querySelector('#invite-url');
      url.value = created.url;
      url.classList.remove('d-none');
      url.select();
      navigator.clipboard?.writeText(created.url).then(() => toast('Link copied.'), () => {});
    } catch (e) {
      toast(e.message, 'danger');
    }
  });
  return box;
}
