/* Navigation that needs nothing from the server: the new address is computed here (a click on a chart:
   a Dash clientside callback, web/drilldown_callbacks.py; "Show" of the year/document form: its submit
   event, which sets the address straight away), so a year change or a click on a chart sends one
   request — the page of the new address — instead of first asking the server for the address.
   The page itself is still rendered, and public mode and roles still enforced, by the server. */
(function () {
  var ns = (window.dash_clientside = window.dash_clientside || {});
  var noUpdate = function () { return ns.no_update; };

  /* A path on this site only: not '//host' or '/\host' (which browsers read as another host), no scheme. */
  function sitePath(value) {
    if (Array.isArray(value)) value = value.length ? value[0] : null;  // some traces wrap customdata per point
    return typeof value === "string" && value.charAt(0) === "/" && !/^\/[\/\\]/.test(value) && !/[\u0000-\u001f]/.test(value) ? value : null;
  }

  /* The page path of a clicked point (its customdata), or null: a treemap root, an empty area, junk. */
  function pathOfClick(clickData) {
    var points = clickData && typeof clickData === "object" ? clickData.points : null;
    if (!Array.isArray(points) || !points.length || !points[0] || typeof points[0] !== "object") return null;
    return sitePath(points[0].customdata);
  }

  /* The query string for the chosen year and document, the other parameters of the address kept in
     their order; null when that is the view shown now (the same view again would add a history entry,
     and Back would seem to do nothing) or when the choice cannot be read. */
  function documentSearch(year, kind, search, shown) {
    year = String(year === null || year === undefined ? "" : year);
    if (!/^\d{4}$/.test(year) || typeof kind !== "string" || !/^[a-z]+$/.test(kind)) return null;
    if (year + "|" + kind === shown) return null;
    var params = new URLSearchParams(typeof search === "string" ? search : "");
    params.delete("year");
    params.delete("document");
    params.append("year", year);
    params.append("document", kind);
    return "?" + params.toString();
  }

  ns.navigation = {
    pathOfClick: pathOfClick,
    documentSearch: documentSearch,
    /* Input: the clickData of every chart (pattern ALL): the one clicked counts. */
    openClickedPoint: function () {
      var triggered = (ns.callback_context && ns.callback_context.triggered) || [];
      var path = triggered.length ? pathOfClick(triggered[0].value) : null;
      return path === null ? noUpdate() : path;
    },
  };

  /* On "Show" only: the selects never navigate by themselves (keyboard users move through them). The
     form is a plain GET form; once Dash has rendered the page it is submitted here instead, without a
     reload (the same for the server's copy of the page while it stands in: its own fields are read). */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.classList || !form.classList.contains("selectors")) return;
    if (typeof ns.set_props !== "function" || !document.getElementById("page-root")) return;  // Dash not ready: GET
    event.preventDefault();
    var year = form.elements.namedItem("year"), kind = form.elements.namedItem("document");
    var button = form.querySelector(".selector-apply");
    if (!year || !kind || !button) return;
    var next = documentSearch(year.value, kind.value, window.location.search, button.getAttribute("data-shown"));
    if (next !== null) ns.set_props("url", {search: next});
  });
})();
