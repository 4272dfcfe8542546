// Small progressive enhancements shared by every page. Everything works without it.
(function () {
  "use strict";

  // Fill hidden time-zone fields (sign-up) with the browser's IANA zone.
  function fillTimeZones(root) {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) return;
    root.querySelectorAll('input[name="time_zone"][type="hidden"]').forEach(function (input) {
      if (!input.value) input.value = zone;
    });
    // Pre-select the country of that zone (sign-up); the person can change it.
    root.querySelectorAll("select[data-zone-countries]").forEach(function (select) {
      var country;
      try {
        country = JSON.parse(select.dataset.zoneCountries)[zone];
      } catch (e) {
        return;
      }
      if (!select.value && country) select.value = country;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillTimeZones(document);
  });
  document.addEventListener("htmx:load", function (event) {
    fillTimeZones(event.target);
  });

  // htmx does not swap 5xx answers or network failures; say so instead of doing nothing.
  function showRequestError() {
    var notice = document.getElementById("request-error");
    if (notice) notice.hidden = false;
  }
  document.addEventListener("htmx:responseError", showRequestError);
  document.addEventListener("htmx:sendError", showRequestError);
  document.addEventListener("htmx:afterRequest", function (event) {
    var notice = document.getElementById("request-error");
    if (notice && event.detail.successful) notice.hidden = true;
  });
})();
