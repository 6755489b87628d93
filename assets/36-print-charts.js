/* Charts on paper: plotly draws its SVG at the screen's pixel width, which an A4 page cuts off at the
   right edge. Each drawn chart gets a viewBox of its own size, so the print style sheet can scale it
   to the page width (aspect ratio kept: every bar and every year stays on the page). Fitting restyles
   the chart, so it waits until the browser is idle after a draw (not between a click and the new chart
   on screen; at most a second), and runs once more just before printing. */
(function () {
  function fit(graph) {
    var container = graph.querySelector(".svg-container"), paper = graph.querySelector("svg.main-svg");
    if (!container || !paper) return;
    // The size plotly drew at (its own attributes), not the box on screen: under print media the box
    // is already the scaled one, and a chart redrawn while printing must still fit whole.
    var width = parseFloat(paper.getAttribute("width")), height = parseFloat(paper.getAttribute("height"));
    if (!width || !height) return;
    container.style.setProperty("--plot-ratio", width + " / " + height);
    graph.querySelectorAll("svg.main-svg").forEach(function (svg) {
      svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    });
  }
  var later = window.requestIdleCallback ? function (f) { window.requestIdleCallback(f, { timeout: 1000 }); } : function (f) { setTimeout(f, 100); };
  function watch(graph) {
    if (graph.dataset.printFit || !graph.on) return;
    graph.dataset.printFit = "1";
    graph.on("plotly_afterplot", function () { later(function () { fit(graph); }); });
    later(function () { fit(graph); });
  }
  // Printing right after a draw: the browser fires this before it lays the page out for paper.
  window.addEventListener("beforeprint", function () { document.querySelectorAll(".js-plotly-plot").forEach(fit); });

  new MutationObserver(function () {
    document.querySelectorAll(".js-plotly-plot").forEach(watch);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
