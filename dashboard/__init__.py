"""Social Domain Dashboard: council oversight of spending and results in the social domain.

The package is layered; each layer imports only from the ones above it in this list:
``domain`` (pure pandas logic) → ``store`` and ``importers`` (SQLAlchemy, files) →
``figures`` (plotly builders) → ``components`` and ``pages`` (Dash) → ``app_factory``.
"""
