"""``theme=`` is read by one rule on every route that takes it: a slug or the English name, any case;
anything else is a 400 that lists the slugs."""
from __future__ import annotations

import pytest

ROUTES = ["/api/v1/programmes?year=2023&document=begroting", "/api/v1/indicators?", "/api/v1/compare?year=2023&document=begroting",
          "/api/v1/savings/cost-trends?"]


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_reads_theme_the_same_way(client, route):
    answers = [client.get(f"{route}&theme={text}") for text in ("young", "Young", "YOUNG")]
    assert [a.status_code for a in answers] == [200, 200, 200], [a.get_data(as_text=True)[:200] for a in answers]
    assert answers[0].get_json() == answers[1].get_json() == answers[2].get_json()
    refused = client.get(f"{route}&theme=youth")
    assert refused.status_code == 400
    assert "vital, young, work, participate" in refused.get_json()["error"] and "'youth'" in refused.get_json()["error"]
