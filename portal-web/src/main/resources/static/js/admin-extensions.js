// The extension requests page follows new requests and other administrators' decisions as they happen, on any
// replica (live events). A comment being typed stays where it was.
document.addEventListener('vantage:extension-request', async () => {
  const list = document.getElementById('request-list');
  if (!list) return;
  const typed = new Map([...list.querySelectorAll('textarea[name=comment]')].map((t) => [t.id, t.value]));
  const html = await (await fetch(list.dataset.url, { credentials: 'same-origin' })).text();
  const next = new DOMParser().parseFromString(html, 'text/html').getElementById('request-list');
  if (!next) return;
  next.querySelectorAll('textarea[name=comment]').forEach((t) => { if (typed.get(t.id)) t.value = typed.get(t.id); });
  list.replaceWith(next);
});
