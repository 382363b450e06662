// Accepting an invitation link: one click makes the person a member and opens the instance.
import { postJson } from './app.js';

const button = document.getElementById('accept-invitation');
button.addEventListener('click', async () => {
  button.disabled = true;
  try {
    const accepted = await postJson(`/api/invitations/${encodeURIComponent(button.dataset.token)}/accept`);
    location.href = `/instances/${encodeURIComponent(accepted.instanceUid)}`;
  } catch (error) {
    const box = document.getElementById('invitation-error');
    box.textContent = error.message;
    box.classList.remove('d-none');
  }
});
