// Clinician summary: the "Print" link opens the browser's print dialog (the page has print CSS).
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-print]");
  if (link) {
    event.preventDefault();
    window.print();
  }
});
