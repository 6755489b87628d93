"""Component ids in one place, so callbacks and tests never spell them twice."""

URL = "url"
ROOT = "page-root"
PAGE_META = "page-meta"  # dcc.Store: {"title": ..., "lang": ...}
META_SINK = "page-meta-sink"
YEAR_SELECT = "year-select"
DOCUMENT_SELECT = "document-select"
#: The selectors' submit button: a view changes only when it is pressed, never while moving through options.
DOCUMENT_APPLY = "document-apply"
#: Says so when choosing a document had to change the year (polite live region).
DOCUMENT_NOTE = "document-note"
MAIN = "main-content"
#: Pattern-matching id type of charts whose points open a page when clicked (``web.drilldown_callbacks``).
DRILL_GRAPH = "drill-graph"
#: The overview's theme-share chart (its bars carry their theme page's path as customdata).
SHARE_CHART = "share-chart"
#: The municipality chooser in the page header (components/municipality_chooser.py).
MUNICIPALITY_INPUT = "municipality-input"
MUNICIPALITY_NAMES = "municipality-names"
