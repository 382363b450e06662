// Evaluated in a notebook page: starts a kernel through the notebook's API (a session, as Jupyter's own page does,
// so the kernel works in the notebook's folder) and opens its websocket, keeping what comes back in
// window.kernelSocket for the test to read. Resolves with the kernel id.
async (base) => {
  const created = await fetch(base + '/api/sessions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path: 'live.ipynb', name: 'live.ipynb', type: 'notebook', kernel: { name: 'python3' } }),
  });
  if (created.status !== 201) throw new Error('starting a kernel answered ' + created.status);
  const kernel = (await created.json()).kernel.id;
  const session = 'test-' + Math.random().toString(16).slice(2);
  const url = location.origin.replace(/^http/, 'ws') + base + '/api/kernels/' + kernel + '/channels?session_id=' + session;
  const socket = new WebSocket(url);
  const state = { replies: {}, closed: null };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.msg_type === 'execute_reply') state.replies[message.parent_header.msg_id] = message.content.status;
  };
  socket.onclose = (event) => { state.closed = { code: event.code, reason: event.reason }; };
  state.execute = (id, code) => socket.send(JSON.stringify({
    header: { msg_id: id, username: 'test', session, msg_type: 'execute_request', version: '5.3', date: new Date().toISOString() },
    parent_header: {}, metadata: {}, channel: 'shell', buffers: [],
    content: { code, silent: false, store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: true },
  }));
  window.kernelSocket = state;
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error('the kernel websocket did not open'));
  });
  return kernel;
}
