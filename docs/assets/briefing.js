// briefing: offline timeline filters. The page reads fine without this script.
(function () {
  function setup() {
    var form = document.querySelector("form.bf-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    function apply() {
      var kinds = Array.prototype.map.call(form.querySelectorAll("input[name=kind]:checked"), function (i) { return i.value; });
      var theme = form.querySelector("select[name=theme]").value;
      document.querySelectorAll("li.bf-entry").forEach(function (li) {
        var okKind = kinds.indexOf(li.dataset.kind) >= 0;
        var okTheme = !theme || (" " + li.dataset.themes + " ").indexOf(" " + theme + " ") >= 0;
        li.classList.toggle("bf-hidden", !(okKind && okTheme));
      });
    }
    form.addEventListener("change", apply);
    apply();
  }
  // Material's instant navigation swaps pages without a reload: re-run on each page.
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setup); }
  else { document.addEventListener("DOMContentLoaded", setup); }
})();
