/* Puts the page callback's answer on screen, in place where it can (web/app_factory.py wires it).

   Dash re-creates everything under a component whose children a callback sets: every element of the
   page anew and every chart drawn from scratch (~250 ms for a year change on the overview). Most of a
   page stays as it was when the year or the document changes, so the page is split into its frame and
   its parts. A part is an element with no chart inside (and no id of its own): its children can be
   replaced alone. Most parts come from the server as blocks (dashboard/web/html_blocks.py: one
   component whose content is HTML), whose ``html`` is replaced alone: Dash then has a few components
   to update instead of every element in them. The frame is everything else: the elements that hold charts, and each chart with its
   settings but without its figure. When the new page has the frame of the page on screen, only the
   parts whose content changed are replaced and the charts get their new figures (plotly redraws them
   in place); otherwise the new page replaces the old one whole. That takes Dash a while (~400 ms for a
   theme page: every element and every chart anew), so meanwhile the server's copy of the new page
   (the HTML a first visit gets, web/first_view.py, with its charts drawn in SVG) stands in for it, as
   on a first visit: the page-meta callback (web/app_factory.py) removes it once Dash's render, marked
   with data-render, has drawn its charts. The answer is the same for everyone who asks for that
   address, so the server can keep it (web/page_responses.py). */
(function () {
  var ns = (window.dash_clientside = window.dash_clientside || {});
  var PART = "page-part", BLOCK = "page-block", CHART = "chart";
  var shown = null;  // the split of the page on screen: {frame, parts: [json], charts: {key: json}}
  var renders = 0;  // whole renders so far: the mark of the newest

  function isComponent(node) {
    return node !== null && typeof node === "object" && !Array.isArray(node) && typeof node.type === "string" && node.props && typeof node.props === "object";
  }
  function ownId(node) {
    var id = node.props.id;
    return id !== undefined && id !== null && !(typeof id === "object" && (id.type === PART || id.type === BLOCK));
  }
  /* A block (dashboard/web/html_blocks.py): one component, its content as HTML in ``html``. */
  function isBlock(node) { return node.type === "HtmlBlock" && node.namespace === "dashboard_blocks"; }
  function isChart(node) { return node.type === "Graph" && node.namespace === "dash_core_components"; }

  function holdsChart(node) {
    if (Array.isArray(node)) return node.some(holdsChart);
    if (!isComponent(node)) return false;
    if (isChart(node)) return true;
    var props = node.props;
    for (var key in props) { if (props.hasOwnProperty(key) && key !== "id" && holdsChart(props[key])) return true; }
    return false;
  }

  /* Splits ``tree`` (Dash's JSON of components), numbering its parts in document order and giving each
     the id that makes it an output (the tree is changed: it is the one that will be rendered). */
  function split(tree) {
    var result = {frame: [], parts: [], partValues: [], blocks: [], charts: {}, chartValues: {}};
    var visit = function (node) {
      if (Array.isArray(node)) { result.frame.push("["); node.forEach(visit); result.frame.push("]"); return; }
      if (!isComponent(node)) { result.frame.push(JSON.stringify(node === undefined ? null : node)); return; }
      var props = node.props;
      if (isBlock(node)) {
        props.id = {type: BLOCK, index: result.blocks.length};
        result.blocks.push(typeof props.html === "string" ? props.html : "");
        result.frame.push(JSON.stringify([node.namespace, node.type, rest(props, ["html"])]));
        return;
      }
      if (!ownId(node) && !holdsChart(node)) {
        var index = result.parts.length;
        props.id = {type: PART, index: index};
        result.partValues.push(props.children === undefined ? null : props.children);
        result.parts.push(JSON.stringify(result.partValues[index]));
        result.frame.push(JSON.stringify([node.namespace, node.type, rest(props, ["children"])]));
        return;
      }
      if (isChart(node)) {
        result.chartValues[chartKey(props.id)] = props.figure || null;
        result.charts[chartKey(props.id)] = JSON.stringify(props.figure || null);
        result.frame.push(JSON.stringify([node.namespace, node.type, rest(props, ["figure"])]));
        return;
      }
      result.frame.push(JSON.stringify([node.namespace, node.type, rest(props, ["children"])]), "(");
      visit(props.children);
      result.frame.push(")");
    };
    visit(tree);
    result.frame = result.frame.join("");
    return result;
  }

  /* A chart's id as a string that does not depend on the order of its keys. */
  function chartKey(id) {
    return typeof id === "object" && id !== null ? JSON.stringify(Object.keys(id).sort().map(function (k) { return [k, id[k]]; })) : JSON.stringify(id);
  }

  function rest(props, without) {
    var out = {};
    Object.keys(props).sort().forEach(function (key) { if (without.indexOf(key) < 0) out[key] = props[key]; });
    return out;
  }

  /* [root's children, [part children…], [block html…], [chart figures…], page meta]; Dash's no_update
     where nothing changes. */
  function apply(data) {
    var noUpdate = ns.no_update;
    var outputs = (ns.callback_context && ns.callback_context.outputs_list) || [null, [], [], [], null];
    var partOutputs = outputs[1] || [], blockOutputs = outputs[2] || [], chartOutputs = outputs[3] || [];
    var none = function (list) { return list.map(function () { return noUpdate; }); };
    if (!data || !("children" in data)) return [noUpdate, none(partOutputs), none(blockOutputs), none(chartOutputs), noUpdate];
    var meta = {title: data.title, lang: data.lang, present: data.present};
    var next = split(data.children);
    var before = shown;
    shown = next;
    if (!before || before.frame !== next.frame) {
      meta.render = String(++renders);
      mark(data.children, meta.render);
      var answer = [data.children, none(partOutputs), none(blockOutputs), none(chartOutputs), meta];
      if (!before || typeof data.html !== "string" || !standIn(data.html)) return answer;
      // Dash renders the page in one long task: the browser paints the copy first
      return new Promise(function (resolve) {
        requestAnimationFrame(function () { setTimeout(function () { resolve(answer); }, 0); });
      });
    }
    var parts = partOutputs.map(function (output) {
      var i = output.id.index;
      return before.parts[i] === next.parts[i] ? noUpdate : next.partValues[i];
    });
    var blocks = blockOutputs.map(function (output) {
      var i = output.id.index;
      return before.blocks[i] === next.blocks[i] ? noUpdate : next.blocks[i];
    });
    var charts = chartOutputs.map(function (output) {
      var key = chartKey(output.id);
      var old = before.charts[key], now = next.charts[key];
      return now === undefined || old === now ? noUpdate : next.chartValues[key];
    });
    return [noUpdate, parts, blocks, charts, meta];
  }

  /* The first component of the page carries the render's mark (after ``split``: not part of the frame). */
  function mark(tree, render) {
    var first = Array.isArray(tree) ? tree.filter(isComponent)[0] : isComponent(tree) ? tree : null;
    if (first) first.props["data-render"] = render;
  }

  /* The server's copy of the new page, shown until Dash's render is ready (CSS hides that meanwhile).
     Its text and attributes were escaped on the server, and it has no scripts. */
  function standIn(html) {
    var entry = document.getElementById("react-entry-point");
    if (!entry) return false;
    var copy = document.getElementById("first-view");
    if (!copy) {
      copy = document.createElement("div");
      copy.id = "first-view";
      entry.parentNode.insertBefore(copy, entry.nextSibling);
    }
    copy.innerHTML = html;
    window.scrollTo(0, 0);
    return true;
  }

  ns.page = {split: split, apply: apply};
})();
