// The page that asks before entering a notebook a link pointed at: the ticket comes from a CSRF-protected request
// only after the person clicked, so another site's link alone never enters anyone into a notebook.
const button = document.getElementById('notebook-enter');
const error = document.getElementById('notebook-enter-error');
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;
const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;

button.addEventListener('click', async () => {
  button.disabled = true;
  try {
    const response = await fetch(`/api/instances/${encodeURIComponent(button.dataset.uid)}/tickets`, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json',
        ...(csrfToken && csrfHeader ? { [csrfHeader]: csrfToken } : {}) },
      body: JSON.stringify({ protocol: 'JUPYTER' }),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data?.detail || `Request failed (${response.status})`);
    const url = new URL(button.dataset.entry);
    url.searchParams.set('ticket', data.ticket);
    if (button.dataset.next) url.searchParams.set('next', button.dataset.next);
    window.location.replace(url.toString());
  } catch (e) {
    error.textContent = e.message;
    error.classList.remove('d-none');
    button.disabled = false;
  }
});
