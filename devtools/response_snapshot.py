"""Record what the app answers — every API route and every page type — to compare two trees.

``python -m devtools.response_snapshot record FILE`` builds the demo in a temporary store (council and
public mode), asks a fixed set of API addresses (JSON and CSV, good and bad parameters) and renders
every example page through the router callback in both languages, then writes the answers to FILE.
``python -m devtools.response_snapshot compare A B`` lists the addresses whose answers differ.
Import timestamps are the only thing normalised (they differ between two stores by construction);
record both trees on the same day (indicator statuses are judged on today's date).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)?")
IMPORT_DATE = re.compile(r"(imported|geïmporteerd|import)[^\"]{0,40}?\d{1,2} \w+ \d{4}(, \d{2}:\d{2})?", re.IGNORECASE)

API_PATHS = [
    "/api/v1/", "/api/v1/municipalities", "/api/v1/nothing", "/api/v1/themes?year=abcd",
    "/api/v1/themes?municipality=Nowhere", "/api/v1/themes?document=other", "/api/v1/themes?bogus=1",
]
THEMES = ("vital", "young", "work", "participate")
DOCUMENTS = ("year=2023&document=jaarrekening", "year=2026&document=begroting", "")


def _api_addresses() -> list[str]:
    addresses = list(API_PATHS)
    for fmt in ("", "&format=csv"):
        for doc in DOCUMENTS:
            addresses += [f"/api/v1/themes?{doc}{fmt}", f"/api/v1/programmes?{doc}{fmt}", f"/api/v1/allocations?{doc}{fmt}"]
            for theme in THEMES:
                addresses += [
                    f"/api/v1/programmes?{doc}&theme={theme}{fmt}",
                    f"/api/v1/programme-providers?{doc}&theme={theme}{fmt}",
                    f"/api/v1/programmes/instruments?{doc}&theme={theme}{fmt}",
                    f"/api/v1/programmes/taakvelden?{doc}&theme={theme}{fmt}",
                    f"/api/v1/indicators?theme={theme}{fmt}",
                ]
            addresses += [
                f"/api/v1/programme-providers?{doc}&programme=youth-ambulant-care{fmt}",
                f"/api/v1/programme-providers?{doc}&provider=horizon-jeugd-ggz{fmt}",
                f"/api/v1/programmes/taakvelden?{doc}&programme=youth-ambulant-care{fmt}",
                f"/api/v1/allocations?{doc}&programme=youth-ambulant-care{fmt}",
            ]
        for kind in ("begroting", "jaarrekening"):
            addresses += [f"/api/v1/programmes/layers?document={kind}&theme={t}{fmt}" for t in THEMES]
        addresses += [
            f"/api/v1/themes/trend?x=1{fmt}".replace("x=1", "municipality=Kampen"),
            f"/api/v1/programmes/trend?theme=young{fmt}", f"/api/v1/programmes/trend?theme=work&top=3{fmt}",
            f"/api/v1/programmes/trend?programme=youth-ambulant-care{fmt}",
            f"/api/v1/programmes/trend?provider=horizon-jeugd-ggz{fmt}",
            f"/api/v1/indicators?year=2024{fmt}", f"/api/v1/indicators/municipalities?x=1{fmt}".replace("?x=1&", "?"),
            f"/api/v1/indicators/values?indicator=youth-care-waiting-time{fmt}",
        ]
    return addresses


def _create_app(settings):
    try:
        from dashboard.web.app_factory import create_app
    except ImportError:  # the tree before the layout of rooms
        from dashboard.app_factory import create_app
    return create_app(settings)


def _imports():
    try:
        from dashboard.web.page_requests import UPDATE_PATH, payload_for
        from devtools.page_catalogue import example_paths
    except ImportError:  # the tree before the layout of rooms
        from dashboard.page_catalogue import example_paths
        from dashboard.page_requests import UPDATE_PATH, payload_for
    return UPDATE_PATH, payload_for, example_paths


CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")  # the import's clock time, as pages write it


def _normalise(text: str) -> str:
    return CLOCK.sub("HH:MM", IMPORT_DATE.sub("IMPORTED", TIMESTAMP.sub("TIMESTAMP", text)))


def record(target: Path) -> int:
    try:
        from dashboard.config.settings import Settings
    except ImportError:  # the tree before the layout of rooms
        from dashboard.settings import Settings

    update_path, payload_for, example_paths = _imports()
    answers: dict[str, list] = {}
    directory = Path(tempfile.mkdtemp())
    for mode in ("council", "public"):
        settings = Settings(database_url=f"sqlite:///{directory / mode}.sqlite", mode=mode)
        app = _create_app(settings)
        client = app.server.test_client()
        for address in _api_addresses():
            response = client.get(address)
            answers[f"{mode} GET {address}"] = [response.status_code, response.content_type, _normalise(response.get_data(as_text=True))]
        service = app.server.extensions["social_dashboard"].service
        for _name, path in example_paths(service, settings.municipality):
            for lang in ("en", "nl"):
                address = path + ("&" if "?" in path else "?") + f"lang={lang}"
                response = client.post(update_path, json=payload_for(address))
                answers[f"{mode} PAGE {address}"] = [response.status_code, response.content_type, _normalise(response.get_data(as_text=True))]
    target.write_text(json.dumps(answers, indent=0, sort_keys=True, ensure_ascii=False))
    print(f"recorded {len(answers)} answers in {target}")
    return 0


def compare(first: Path, second: Path) -> int:
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    for key in differ:
        print("differs:", key)
    print(f"{len(a)} and {len(b)} answers; {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("record").add_argument("file", type=Path)
    both = sub.add_parser("compare")
    both.add_argument("first", type=Path)
    both.add_argument("second", type=Path)
    args = parser.parse_args(argv)
    return record(args.file) if args.command == "record" else compare(args.first, args.second)


if __name__ == "__main__":
    sys.exit(main())
