// Admin pages: ask before destructive form posts. The Content-Security-Policy forbids inline handlers, so a form
// says what to ask in data-confirm and this asks it (htmx buttons use hx-confirm instead).
document.addEventListener('submit', (event) => {
  const question = event.target.dataset?.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
