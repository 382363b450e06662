// The instance page's files tab: list a folder, download, upload with progress, the owner's switch for guests.
import { csrfHeaders, toast } from './app.js';

const panel = document.getElementById('files-panel');

function element(tag, attributes = {}, text) {
  const el = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => el.setAttribute(k, v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function size(bytes) {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes, unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

async function detailOf(response) {
  try { return (await response.json()).detail || `Refused (${response.status})`; } catch (e) { return `Refused (${response.status})`; }
}

function say(text, kind = 'secondary') {
  const message = panel.querySelector('#files-message');
  message.className = `small mt-2 text-${kind}`;
  message.textContent = text;
}

const api = (path = '') => `/api/instances/${panel.dataset.uid}/files${path}`;

async function show(path) {
  const response = await fetch(`${api()}?path=${encodeURIComponent(path)}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const list = panel.querySelector('#files-list');
  list.replaceChildren();
  if (!response.ok) {
    panel.querySelector('#files-upload-form').hidden = true;
    say(await detailOf(response), 'danger');
    return;
  }
  const folder = await response.json();
  panel.dataset.path = folder.path;
  panel.dataset.max = folder.maxUploadSize;
  panel.querySelector('#files-path').textContent = `~/${folder.path}`;
  if (folder.path) {
    const up = element('button', { type: 'button', class: 'btn btn-link btn-sm p-0', id: 'files-up' }, '..');
    up.addEventListener('click', () => show(folder.path.split('/').slice(0, -1).join('/')));
    list.append(element('li').appendChild(up).parentNode);
  }
  folder.entries.forEach((entry) => {
    const item = element('li', { 'data-file': entry.path, class: 'd-flex gap-2' });
    if (entry.directory) {
      const open = element('button', { type: 'button', class: 'btn btn-link btn-sm p-0 text-start' }, `${entry.name}/`);
      open.addEventListener('click', () => show(entry.path));
      item.append(open);
    } else {
      item.append(element('a', { href: `${api('/content')}?path=${encodeURIComponent(entry.path)}`, download: entry.name,
        class: 'file-download text-break' }, entry.name), element('span', { class: 'text-secondary ms-auto text-nowrap' }, size(entry.size)));
    }
    list.append(item);
  });
  panel.querySelector('#files-upload-form').hidden = !folder.mayUpload;
  const guests = panel.querySelector('#files-guests');
  guests.hidden = !folder.mayChangeSettings;
  panel.querySelector('#files-guests-download').checked = folder.guestsMayDownload;
}

function upload(file, replaceAsked = false) {
  let replace = replaceAsked;
  const max = Number(panel.dataset.max);
  if (file.size > max) {
    say(`${file.name} is ${size(file.size)}, more than the limit of ${size(max)} per upload.`, 'danger');
    return;
  }
  const target = panel.dataset.path ? `${panel.dataset.path}/${file.name}` : file.name;
  // asked before sending: a refusal that arrives while a large body is still on its way rarely reaches the page
  if (!replace && panel.querySelector(`#files-list [data-file="${CSS.escape(target)}"]`)) {
    if (!window.confirm(`A file named ${file.name} exists here. Replace it?`)) return;
    replace = true;
  }
  const bar = panel.querySelector('#files-progress');
  const xhr = new XMLHttpRequest();
  xhr.open('PUT', `${api('/content')}?path=${encodeURIComponent(target)}&replace=${replace}`);
  Object.entries(csrfHeaders()).forEach(([k, v]) => xhr.setRequestHeader(k, v));
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.upload.addEventListener('progress', (event) => {
    if (!event.lengthComputable) return;
    const percent = Math.round((event.loaded / event.total) * 100);
    bar.style.width = `${percent}%`;
    bar.setAttribute('aria-valuenow', percent);
  });
  xhr.addEventListener('load', () => {
    bar.parentElement.dataset.done = xhr.status;
    if (xhr.status === 201) {
      say(`Uploaded ${target} (${size(file.size)}).`, 'success');
      show(panel.dataset.path);
      return;
    }
    let detail = `Upload refused (${xhr.status})`;
    try { detail = JSON.parse(xhr.responseText).detail || detail; } catch (e) { /* not JSON */ }
    if (xhr.status === 409 && !replace && window.confirm(`${detail}. Replace it?`)) {
      upload(file, true);
      return;
    }
    say(detail, 'danger');
  });
  xhr.addEventListener('error', () => say('The upload was interrupted.', 'danger'));
  bar.style.width = '0%';
  bar.parentElement.hidden = false;
  delete bar.parentElement.dataset.done;
  say(`Uploading ${file.name}…`);
  xhr.send(file);
}

if (panel) {
  panel.querySelector('#files-upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = panel.querySelector('#files-upload-input');
    if (input.files.length) upload(input.files[0]);
  });
  panel.querySelector('#files-guests-download').addEventListener('change', async (event) => {
    const response = await fetch(api('/settings'), {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeaders() },
      body: JSON.stringify({ guestsMayDownload: event.target.checked }),
    });
    if (response.ok) toast(event.target.checked ? 'Guests may download files.' : 'Guests may not download files.');
    else toast(await detailOf(response), 'danger');
  });
  show('').catch((e) => say(e.message, 'danger'));
}
