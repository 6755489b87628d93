/* Meeting mode: keys move between slides by following the slide links; a button goes full screen. */
(function () {
  var KEYS = {
    ArrowRight: "next", PageDown: "next", " ": "next", Spacebar: "next",
    ArrowLeft: "prev", PageUp: "prev", Home: "first", End: "last"
  };
  document.addEventListener("keydown", function (event) {
    var deck = document.querySelector(".deck");
    if (!deck || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && target.closest && target.closest("input, select, textarea, button, [contenteditable]")) return;
    var role = KEYS[event.key];
    if (event.key === " " && event.shiftKey) role = "prev";
    if (!role) return;
    var link = deck.querySelector("a.deck-" + role);
    if (!link) return;
    event.preventDefault();
    link.click();
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".deck-fullscreen");
    if (!button) return;
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
  });
})();

/* Printing opens every disclosure (tables behind "Show the figures as a table", "About this figure"). */
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.dataset.printOpened = d.open ? "" : "1"; d.open = true; });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-print-opened='1']").forEach(function (d) { d.open = false; });
});
