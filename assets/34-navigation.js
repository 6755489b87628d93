/* Navigation that needs nothing from the server, as Dash clientside callbacks (web/document_callbacks.py,
   web/drilldown_callbacks.py): the new address is computed here, so a year change or a click on a chart
   sends one request — the page of the new address — instead of first asking the server for the address.
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
    /* Input: the clickData of one chart, or of every drill-down chart (pattern ALL): the one clicked counts. */
    openClickedPoint: function () {
      var triggered = (ns.callback_context && ns.callback_context.triggered) || [];
      var path = triggered.length ? pathOfClick(triggered[0].value) : null;
      return path === null ? noUpdate() : path;
    },
    /* On "Show" only: the selects never navigate by themselves (keyboard users move through them). */
    showDocument: function (clicks, search) {
      var button = document.getElementById("document-apply");
      var year = document.getElementById("year-select"), kind = document.getElementById("document-select");
      if (!clicks || !button || !year || !kind) return noUpdate();
      var next = documentSearch(year.value, kind.value, search, button.getAttribute("data-shown"));
      return next === null ? noUpdate() : next;
    }
  };
})();
