// The notebook area of the instance page. A notebook runs on an origin of its own: the page asks the portal for a
// single-use ticket and opens the notebook origin's entry with it (in the frame, or in a new tab), which sets that
// origin's cookie. Live member and access events say here when this person's access changed, and why.
import { postJson, toast } from './app.js';

async function entryUrl(element) {
  const uid = encodeURIComponent(element.dataset.uid);
  const { ticket } = await postJson(`/api/instances/${uid}/tickets`, { protocol: 'JUPYTER' });
  const url = new URL(element.dataset.entry);
  url.searchParams.set('ticket', ticket);
  return url.toString();
}

export async function openNotebook(element) {
  const frame = element.querySelector('#notebook-frame');
  const ended = element.querySelector('#notebook-ended');
  const watching = element.querySelector('#notebook-readonly');
  const me = document.body.dataset.user;

  const show = (message) => {
    ended.textContent = message;
    ended.classList.toggle('d-none', !message);
  };
  const enter = async () => {
    show('');
    try {
      frame.src = await entryUrl(element);
    } catch (error) {
      show(error.message);
    }
  };

  element.querySelector('#notebook-new-tab').addEventListener('click', async () => {
    // Opened before the ticket arrives (popup blockers want the click), cut off from this page, then sent in.
    const tab = window.open('about:blank', '_blank');
    if (!tab) return;
    tab.opener = null;
    try {
      tab.location.href = await entryUrl(element);
    } catch (error) {
      tab.close();
      toast(error.message, 'danger');
    }
  });

  const onMembers = (event) => {
    const change = event.detail;
    if (change.uid !== element.dataset.uid || change.userId !== me) return;
    if (change.change === 'removed') {
      frame.src = 'about:blank';
      watching.classList.add('d-none');
      show('Your access to this notebook ended: you were removed from this instance.');
    } else if (change.change === 'role') {
      watching.classList.toggle('d-none', change.role !== 'GUEST');
    } else if (change.change === 'added') {
      watching.classList.toggle('d-none', change.role !== 'GUEST');
      enter();
    }
  };
  // What the portal decided for this person's open notebook connections (sent by the replica holding them).
  const onAccess = (event) => {
    const change = event.detail;
    if (change.uid !== element.dataset.uid || change.userId !== me) return;
    if (change.access === 'closed') {
      frame.src = 'about:blank';
      watching.classList.add('d-none');
      show(`Your access to this notebook ended${change.reason ? `: ${change.reason}` : ''}.`);
    } else {
      watching.classList.toggle('d-none', change.access !== 'watching');
    }
  };
  document.addEventListener('vantage:members', onMembers);
  document.addEventListener('vantage:access', onAccess);
  await enter();
  return {
    disconnect() {
      document.removeEventListener('vantage:members', onMembers);
      document.removeEventListener('vantage:access', onAccess);
      frame.src = 'about:blank';
    },
  };
}
