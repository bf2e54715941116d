/* Search on demand: Material loads the search index (megabytes on a large briefing) as soon as any page
 * opens, whether or not the reader searches. This script runs before Material's bundle (mkdocs.yml lists it
 * under extra.polyfills, which the theme loads in the page head) and holds that one download back until the
 * reader turns to search: the search box focused or pointed at, the search toggle opened, or a page opened
 * from a search result (?h=, whose words Material highlights with the index). Nothing else changes:
 * Material still makes the request and builds the index in its worker, only later.
 *
 * Material fetches the index with XMLHttpRequest over http(s) and, opened from disk (file://), adds a
 * <script src="search/search_index.js"> to the head (the offline plugin writes that copy); both are held.
 */
(function () {
  "use strict";
  var INDEX = /(^|\/)search\/search_index\.js(on)?([?#].*)?$/;
  var held = [];
  var wanted = false;

  function want() {
    if (wanted) return;
    wanted = true;
    var start = held;
    held = [];
    for (var i = 0; i < start.length; i++) start[i]();
  }

  function hold(start) {
    if (wanted) start();
    else held.push(start);
  }

  // Over http(s): the index request is opened at once and sent when search is wanted.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.bfSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.bfSearchIndex) return send.apply(xhr, args);
    hold(function () {
      try {
        send.apply(xhr, args);
      } catch (e) {
        // aborted meanwhile (Material gave up the request): nothing to send
      }
    });
  };

  // From disk: the index script is added to the head when search is wanted.
  var append = Node.prototype.appendChild;
  Node.prototype.appendChild = function (node) {
    var parent = this;
    if (node && node.nodeName === "SCRIPT" && INDEX.test(node.src || "") && !wanted) {
      hold(function () { append.call(parent, node); });
      return node;
    }
    return append.call(parent, node);
  };

  // What counts as turning to search.
  function isSearch(el) {
    return !!(el && el.closest && el.closest(".md-search__form, label[for='__search'], [data-md-component='search-query']"));
  }
  document.addEventListener("focusin", function (e) { if (isSearch(e.target)) want(); }, true);
  document.addEventListener("pointerover", function (e) { if (isSearch(e.target)) want(); }, true);
  document.addEventListener("touchstart", function (e) { if (isSearch(e.target)) want(); }, { capture: true, passive: true });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) want();
  }, true);
  if (/[?&]h=/.test(location.search)) want();
})();
