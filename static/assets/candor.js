// candor: optional table and list filtering. Pages are complete without it.
(function () {
  "use strict";
  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var box = input.closest(".filter");
    var status = box ? box.querySelector(".filter-status") : null;
    var selector = input.getAttribute("data-filter");
    var items = Array.prototype.slice.call(document.querySelectorAll(selector));
    var texts = items.map(function (el) { return el.textContent.toLowerCase(); });
    if (box) box.hidden = false;
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (el, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        el.hidden = !match;
        if (match) shown++;
      });
      document.querySelectorAll(".group").forEach(function (group) {
        var any = group.querySelector(selector + ":not([hidden])");
        group.hidden = words.length > 0 && !any;
      });
      if (status) status.textContent = words.length ? shown + " of " + items.length + " shown" : "";
    }
    input.addEventListener("input", apply);
  });
})();
