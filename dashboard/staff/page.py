"""The frame of a staff page (plain HTML with the site's style sheets) and the visitor's language."""

from __future__ import annotations

from flask import current_app, render_template_string, request

from dashboard.i18n import LANGUAGES, Translator
from dashboard.queries.context import EXTENSION_KEY, AppContext
from dashboard.staff.session import CSRF_FIELD, csrf_token, current_visitor

#: Jinja escapes every value (render_template_string autoescapes); ``__BODY__`` is the page's own template.
FRAME = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · {{ t("Social Domain Dashboard") }}</title>
<link rel="stylesheet" href="/assets/00-bootstrap.min.css"><link rel="stylesheet" href="/assets/10-dashboard.css"><link rel="stylesheet" href="/assets/20-print.css">
</head>
<body>
<header class="site-header"><div class="container-xl header-inner">
<a class="brand" href="/"><span class="brand-name">{{ t("Social Domain Dashboard") }}</span></a>
{% if visitor %}<nav class="main-nav" aria-label="{{ t('Main navigation') }}">
{% if visitor.may("score") %}<a href="/rounds">{{ t("Decision rounds") }}</a>{% endif %}{% if visitor.may("import") %}<a href="/upload">{{ t("Upload data") }}</a>{% endif %}{% if visitor.may("edit") %}<a href="/edit">{{ t("Edit results") }}</a>{% endif %}{% if visitor.may("publish") %}<a href="/publish">{{ t("Publish") }}</a>{% endif %}
{% if visitor.may("read-audit") %}<a href="/audit">{{ t("Audit log") }}</a>{% endif %}
<span>{{ visitor.name }} ({{ t(visitor.role) }})</span><a href="/logout">{{ t("Log out") }}</a></nav>{% endif %}
</div></header>
<main id="main" class="container-xl main">
<h1>{{ title }}</h1>
{% for message in problems %}<div class="alert alert-danger" role="alert">{{ message }}</div>{% endfor %}
{% for message in notes %}<div class="alert alert-success" role="status">{{ message }}</div>{% endfor %}
__BODY__
</main>
</body>
</html>"""


def app_context() -> AppContext:
    return current_app.extensions[EXTENSION_KEY]


def chosen_language() -> str:
    """The language the visitor chose by ``?lang=`` ("" when none: the site's default applies)."""
    lang = request.args.get("lang", "")
    return lang if lang in LANGUAGES else ""


def language_query() -> str:
    """``?lang=xx`` for a form's action or a redirect, so a chosen language survives a form post."""
    lang = chosen_language()
    return f"?lang={lang}" if lang else ""


def translator() -> Translator:
    return Translator(chosen_language() or app_context().settings.language)


def render(title: str, body: str, status: int = 200, problems=(), notes=(), **values):
    """A staff page: ``body`` is a Jinja fragment rendered with ``values``, ``t``, ``csrf`` (the hidden field),
    ``lang_query`` and ``lang_arg`` (the chosen language, for forms)."""
    t = translator()
    html = render_template_string(
        FRAME.replace("__BODY__", body),
        title=title,
        lang=t.lang,
        t=t,
        visitor=current_visitor(),
        problems=list(problems),
        notes=list(notes),
        csrf_field=CSRF_FIELD,
        csrf=csrf_token() if app_context().settings.mode == "council" else "",  # the public site has no session
        lang_query=language_query(),  # on every form's action: the language survives the post
        lang_arg=chosen_language(),  # a GET form's hidden field (a GET form drops its action's query)
        **values,
    )
    return html, status, {"Cache-Control": "no-store"}
