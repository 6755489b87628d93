"""Requests for pages: the path, the validated query parameters and the language; links that keep them."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from dashboard.domain.iv3 import parse_document_kind, parse_year_text
from dashboard.i18n import LANGUAGES, Translator


class BadParameter(ValueError):
    """A query parameter that cannot be understood: the page shows a friendly error."""


@dataclass(frozen=True)
class PageRequest:
    path: str  # without the /embed prefix
    params: dict = field(default_factory=dict)  # single values, already stripped
    lang: str = "en"
    embed: bool = False  # /embed/...: the page without site chrome, for framing on other sites
    unsupported_lang: str | None = None  # ?lang= asked for a language we do not have: the page says so
    role: str | None = None  # the visitor's role (council mode, set from the session, never from the URL); None: anonymous

    @property
    def t(self) -> Translator:
        return Translator(self.lang)

    def get(self, name: str) -> str | None:
        return self.params.get(name)

    def with_params(self, **changes) -> "PageRequest":
        params = dict(self.params)
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        return replace(self, params=params)


EMBED_PREFIX = "/embed"


def parse_request(pathname: str | None, search: str | None, default_lang: str) -> PageRequest:
    """Callback inputs are whatever a client posts: anything but text counts as absent."""
    pathname = pathname if isinstance(pathname, str) else None
    search = search if isinstance(search, str) else None
    path = (pathname or "/").rstrip("/") or "/"
    embed = path == EMBED_PREFIX or path.startswith(EMBED_PREFIX + "/")
    if embed:
        path = path[len(EMBED_PREFIX):] or "/"
    raw = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    params = {key: values[-1].strip() for key, values in raw.items() if values}
    lang = params.get("lang", default_lang)
    unsupported = None
    if lang not in LANGUAGES:
        unsupported, lang = lang[:20], default_lang
        params.pop("lang")  # links from this page carry the language it is shown in, not the unknown one
    return PageRequest(path=path, params=params, lang=lang, embed=embed, unsupported_lang=unsupported)


#: Query parameters that links carry along, so a shared link reproduces the view.
CARRIED_PARAMS = ("year", "document", "lang", "present", "municipality")


def href(path: str, request: PageRequest, **changes) -> str:
    """A link to ``path`` that carries year, document and language along, so views can be shared."""
    keep = {k: v for k, v in request.params.items() if k in CARRIED_PARAMS}
    for key, value in changes.items():
        if value is None:
            keep.pop(key, None)
        else:
            keep[key] = str(value)
    query = urlencode(keep)
    if request.embed:  # an embedded view keeps drill-down inside the frame
        path = EMBED_PREFIX + path
    return f"{path}?{query}" if query else path


def parse_year(request: PageRequest) -> int | None:
    text = request.get("year")
    if text is None or text == "":
        return None
    try:
        return parse_year_text(text)
    except ValueError:
        raise BadParameter(request.t("The year “{value}” is not a year.", value=text)) from None


def parse_document(request: PageRequest) -> str | None:
    text = request.get("document")
    if text is None or text == "":
        return None
    try:
        return parse_document_kind(text)
    except ValueError:
        raise BadParameter(request.t("“{value}” is not a document: choose begroting or jaarrekening.", value=text)) from None
