"""Component ids in one place, so callbacks and tests never spell them twice."""

URL = "url"
ROOT = "page-root"
#: dcc.Store: the page callback's answer, {"children": the page, "title", "lang", "present"}; a
#: clientside callback (``assets/33-page-update.js``) puts it on screen, in place where it can.
PAGE = "page-data"
#: Pattern-matching id type the browser gives the parts of a page it can update in place.
PAGE_PART = "page-part"
#: The same for a page's blocks (``web.html_blocks``): their ``html`` is replaced alone.
PAGE_BLOCK = "page-block"
PAGE_META = "page-meta"  # dcc.Store: {"title": ..., "lang": ..., "present": ...}, once the page is on screen
META_SINK = "page-meta-sink"
YEAR_SELECT = "year-select"
DOCUMENT_SELECT = "document-select"
#: The selectors' submit button: a view changes only when it is pressed, never while moving through options.
DOCUMENT_APPLY = "document-apply"
#: Says so when choosing a document had to change the year (polite live region).
DOCUMENT_NOTE = "document-note"
MAIN = "main-content"
#: Pattern-matching id type of every chart (``components.charts.chart_id``): a year change updates
#: their figures in place, and a click on a point that carries a page path opens it (``web.drilldown_callbacks``).
CHART = "chart"
#: The overview's theme-share chart's name (its bars carry their theme page's path as customdata).
SHARE_CHART = "share-chart"
#: The municipality chooser in the page header (components/municipality_chooser.py).
MUNICIPALITY_INPUT = "municipality-input"
MUNICIPALITY_NAMES = "municipality-names"
