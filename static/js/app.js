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
  }

  document.addEventListener("DOMContentLoaded", function () {
    fillTimeZones(document);
  });
  document.addEventListener("htmx:load", function (event) {
    fillTimeZones(event.target);
  });
})();
