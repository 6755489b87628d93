/* The component of a block of a page (dashboard/web/html_blocks.py): a subtree with no chart, control
   or callback in it, sent as its root element's tag and attributes and its content as HTML the server
   escaped (as for the server's first view). Dash watches it as one component instead of every element
   in it, and a year change sets its ``html`` alone. A link in it that was a dcc.Link (marked
   data-dash-link) opens its page as dcc.Link does: no reload, the address updated for Dash's router. */
(function () {
  var React = window.React;
  function HtmlBlock(props) {
    var attributes = Object.assign({}, props.attributes || {});
    Object.keys(props).forEach(function (name) {  // the page's render mark (33-page-update.js) and the like
      if (name.indexOf("data-") === 0) attributes[name] = props[name];
    });
    attributes.dangerouslySetInnerHTML = {__html: typeof props.html === "string" ? props.html : ""};
    attributes.onClick = openLink;
    return React.createElement(props.tag || "div", attributes);
  }
  function openLink(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target && event.target.closest ? event.target.closest("a[data-dash-link]") : null;
    if (!link || (link.target && link.target !== "_self") || link.origin !== window.location.origin) return;
    event.preventDefault();
    window.history.pushState({}, "", link.pathname + link.search + link.hash);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
  }
  window.dashboard_blocks = {HtmlBlock: HtmlBlock};
})();
