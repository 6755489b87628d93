"""Pages: ``render(context, request) -> Page``. Plain functions, callable in tests without a browser."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Page:
    title: str
    children: list
    status: int = 200  # the HTTP status of the address: 404 for an unknown page, theme or year
