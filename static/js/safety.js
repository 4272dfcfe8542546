// Clinician summary: the "Print" link opens the browser's print dialog (the page has print CSS).
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-print]");
  if (link) {
    event.preventDefault();
    window.print();
  }
});

// Share links: a "Copy link" button where the clipboard can be written (progressive
// enhancement: without it the button stays hidden and the link can be selected and copied).
if (navigator.clipboard && window.isSecureContext) {
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.hidden = false;
  }
}
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.querySelector(button.dataset.copy);
  const status = button.closest(".new-share-link")?.querySelector(".copy-status");
  try {
    await navigator.clipboard.writeText(field.value);
    if (status) status.textContent = button.dataset.copied;
  } catch {
    field.select(); // the person can still copy it by hand
  }
});
