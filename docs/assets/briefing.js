// briefing: offline timeline filters, chart links and the annotations switch. Every page reads fine without this script.
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
  // Instant navigation reaches a #sentence by pushState, which does not make it the :target (so it is not
  // highlighted) at every timing: navigating to the same fragment again does, without a reload.
  function target() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && !el.matches(":target")) location.replace(location.href);
  }
  // The reader's switch for the annotations of an article's text (entity links, dates, figures, acronyms,
  // theme chips): hidden or shown, remembered in this browser. The class sits on <html>, so it holds
  // across Material's instant navigation and is set before the page is first drawn where possible.
  var KEY = "briefing.annotations";
  function stored() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function store(v) { try { localStorage.setItem(KEY, v); } catch (e) { /* private mode, file:// */ } }
  function applyPlain(hidden) { document.documentElement.classList.toggle("bf-plain", hidden); }
  applyPlain(stored() === "hidden");

  function setupSwitch() {
    var meta = document.querySelector("article .bf-meta");
    if (!meta || !document.querySelector("article .bf-s") || document.querySelector(".bf-annot-switch")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "bf-annot-switch";
    function show() {
      var hidden = document.documentElement.classList.contains("bf-plain");
      button.setAttribute("aria-pressed", hidden ? "true" : "false");
      button.textContent = hidden ? "Show annotations" : "Hide annotations";
      button.title = hidden ? "Mark names, dates and figures in the text again" : "Read the text without marks";
    }
    button.addEventListener("click", function () {
      var hidden = !document.documentElement.classList.contains("bf-plain");
      applyPlain(hidden);
      store(hidden ? "hidden" : "shown");
      show();
    });
    show();
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(button);
  }

  function onPage() { setup(); setupSwitch(); target(); }
  // Material's instant navigation swaps pages without a reload: re-run on each page. Opened from disk
  // (the offline plugin) document$ may never emit, so the first page is also set up on its own; every
  // step is safe to run twice.
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(onPage); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", onPage); }
  else { onPage(); }

  // Links inside the SVG charts: Material's click handler reads `a.href` as a string, but an SVG <a> has an
  // SVGAnimatedString there (it throws). Catch the click first and hand Material a plain HTML link to the
  // same address, so chart links get instant navigation like any other link.
  document.addEventListener("click", function (ev) {
    var a = ev.target instanceof Element ? ev.target.closest("svg a") : null;
    if (!a) return;
    ev.stopPropagation();
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;  // new tab etc.: the browser's own
    var href = a.href && a.href.baseVal !== undefined ? a.href.baseVal : a.getAttribute("href");
    if (!href) return;
    ev.preventDefault();
    var link = document.createElement("a");
    link.href = new URL(href, location.href).href;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }, true);
})();
