// The Reminders form answers bad input with 400 and the form showing its errors;
// htmx does not swap error responses by default, so let it for this form only.
(function () {
  "use strict";
  document.addEventListener("htmx:beforeSwap", function (event) {
    var elt = event.detail.elt;
    if (event.detail.xhr.status === 400 && elt && elt.closest && elt.closest("[data-show-errors]")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
