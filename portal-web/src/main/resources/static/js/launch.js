// The launch wizard: a button that sizes the desktop to this browser window.
document.getElementById('fit-screen')?.addEventListener('click', () => {
  document.getElementById('screenWidth').value = Math.max(640, Math.min(7680, Math.floor(window.innerWidth * devicePixelRatio / 8) * 8));
  document.getElementById('screenHeight').value = Math.max(480, Math.min(4320, Math.floor((window.innerHeight - 160) * devicePixelRatio / 8) * 8));
});
