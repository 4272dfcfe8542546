// The routine builder: drag and drop with SortableJS (static/vendor/sortablejs). The
// Move up / Move down buttons do the same by keyboard and without JavaScript.
(function () {
  "use strict";

  function init(root) {
    var list = root.querySelector("[data-sortable]");
    var form = root.querySelector("#order-form");
    if (!list || !form || typeof Sortable === "undefined" || list.dataset.sortableReady) return;
    list.dataset.sortableReady = "1";
    Sortable.create(list, {
      handle: ".drag-handle",
      draggable: ".builder-step",
      animation: 150,
      forceFallback: true, // pointer events: the same on touch screens and with a mouse
      onEnd: function (event) {
        if (event.oldIndex === event.newIndex) return;
        form.querySelectorAll("input[name=step]").forEach(function (input) { input.remove(); });
        list.querySelectorAll(".builder-step").forEach(function (item) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = "step";
          input.value = item.dataset.step;
          form.appendChild(input);
        });
        htmx.trigger(form, "reorder");
      },
    });
  }

  function focusMarked(root) {
    // After a move, keep the keyboard on the button that was pressed.
    var target = root.querySelector("[data-focus]");
    if (!target) return;
    if (target.disabled) {
      // Moved to the top or the bottom: the other direction is the one left.
      target = target.parentNode.querySelector("button[value=up]:not([disabled]), button[value=down]:not([disabled])");
    }
    if (target) target.focus();
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function () {
    init(document);
    focusMarked(document);
  });
})();
