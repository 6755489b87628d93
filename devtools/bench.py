"""Benchmark: ``python -m devtools.bench`` — server time, response size and memory at two scales.

For each scale it builds a store in a temporary directory, starts the production server
(gunicorn, ``gunicorn.conf.py``) on loopback against it, and replays each interaction class as
the browser sends it (Dash callback POSTs and API GETs). Server time is read from the
``Server-Timing`` header the app adds to every response, so client overhead is not counted.

Scales:
  demo      the embedded demo dataset (Kampen);
  national  all municipalities of the four CBS files and the ten-year file in ../shared/data/iv3,
            plus the generated programme/provider layer for --municipalities municipalities.

It also measures, in headless Chromium, the time from navigation to the overview's charts being
drawn and the bytes transferred for that first load (compressed), and runs a bounded load test:
--users simulated council members clicking overview → theme → programme → provider for --seconds
(at most --max-requests requests). People mostly look at the current budget: every journey starts on the
default view and stays on that document with probability 0.7; otherwise the user picks a random document
with the selectors first. Think time between clicks: 0.2–1 s, uniform. Only loopback is ever targeted.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

from devtools import browser_figures
from dashboard.config.paths import PROJECT_ROOT, SHARED_IV3_DIR
from dashboard.queries.compare import GROUPS
from dashboard.web.page_requests import ROUTE_OUTPUT, UPDATE_PATH, route_payload

# --------------------------------------------------------------------------------- stores

def build_demo_store(directory: Path) -> str:
    from dashboard.demo.load import load_demo
    from dashboard.store.database import open_engine

    url = f"sqlite:///{directory / 'demo.sqlite'}"
    engine = open_engine(url)
    load_demo(engine)
    engine.dispose()
    return url


def build_national_store(directory: Path, source: Path, municipalities: int, home: str) -> tuple[str, dict]:
    """All CBS files, then the generated programme/provider layer and results layer (indicators,
    scripts/generate_demo_indicators.py) for ``municipalities`` municipalities (home first: Kampen's
    hand-written demo indicators)."""
    from dashboard.config.paths import THEME_MAPPING_FILE
    from dashboard.demo.programmes import generate, write_files
    from dashboard.domain.themes import ThemeMapping
    from dashboard.importers.iv3 import parse_iv3_file
    from dashboard.importers.project import ImportOptions
    from dashboard.ingest.project import import_project_directory
    from dashboard.store.database import open_engine
    from dashboard.store.repository import Repository
    from dashboard.store.writer import store_iv3

    url = f"sqlite:///{directory / 'national.sqlite'}"
    engine = open_engine(url)
    mapping = ThemeMapping.from_csv(THEME_MAPPING_FILE)
    timings = {}
    started = time.perf_counter()
    parsed = parse_iv3_file(source / "iv3_2017_2026_lasten.csv", mapping)
    store_iv3(engine, parsed)
    for name in ("2023_begroting", "2023_jaarrekening", "2024_begroting", "2025_begroting"):
        year, kind = name.split("_")
        store_iv3(engine, parse_iv3_file(source / f"{name}.csv", mapping, year=int(year), kind=kind))
    timings["import CBS files (s)"] = time.perf_counter() - started
    started = time.perf_counter()
    repository = Repository(engine)
    names = [home] + [m for m in repository.municipalities() if m != home]
    chosen = [names[0]] + random.Random(2026).sample(names[1:], municipalities - 1)
    indicators = _indicator_generator()
    for name in chosen:
        layer_dir = directory / "layers" / name.replace("/", "_")
        write_files(layer_dir, generate(repository.amounts(name), name, mapping), name)
        inhabitants = repository.inhabitants(name)
        indicators.write_layer(
            layer_dir, name, inhabitants[max(inhabitants)] if inhabitants else None, indicators.read_providers(layer_dir / "providers.csv")
        )
        import_project_directory(engine, layer_dir, ImportOptions(publish=True))  # programmes, providers, allocations and indicators
    timings[f"generate + import programme and results layer for {len(chosen)} municipalities (s)"] = time.perf_counter() - started
    rows = _count_rows(engine)
    engine.dispose()
    return url, {**timings, **rows}


def _indicator_generator():
    """scripts/generate_demo_indicators.py as a module (it is a script, not part of the package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_demo_indicators", PROJECT_ROOT / "scripts" / "generate_demo_indicators.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bump_dataset_version(url: str) -> None:
    """What every import and publish does in its transaction: the running server sees a new dataset."""
    from dashboard.store.database import open_engine
    from dashboard.store.writer import bump_version

    engine = open_engine(url)
    with engine.begin() as conn:
        bump_version(conn)
    engine.dispose()


def _count_rows(engine) -> dict:
    from sqlalchemy import func, select

    from dashboard.store.schema import metadata

    counts = {}
    with engine.connect() as conn:
        for name in ("municipality", "amount", "allocation", "indicator_import", "indicator_value"):
            table = metadata.tables.get(name)
            if table is not None:
                counts[f"rows in {name}"] = conn.execute(select(func.count()).select_from(table)).scalar()
    return counts


# --------------------------------------------------------------------------------- server

class Server:
    """gunicorn with the project's config on a free loopback port, against a given store."""

    def __init__(self, database_url: str, workers: int, threads: int = 4):
        self.port = _free_port()
        self.account = _bench_account(database_url)
        self.headers: dict[str, str] = {}  # the session's cookie and CSRF header, after ``log_in``
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DASHBOARD_LOAD_DEMO": "0",
            "PORT": str(self.port),
            "HOST": "127.0.0.1",
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_THREADS": str(threads),
        }
        # The server's log goes to a file, not a pipe: an unread pipe fills up (64 KB of access log) and
        # then blocks every worker thread that logs a request.
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "app:server"],
            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.log,
        )
        self.started = time.perf_counter()
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                status, _, _ = request("127.0.0.1", self.port, "GET", "/healthz")
                if status == 200:
                    self.ready_seconds = time.perf_counter() - self.started
                    self.headers = log_in(self.port, *self.account)
                    self._peak_pss_kb = 0
                    threading.Thread(target=self._sample_pss, daemon=True).start()
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        self.log.seek(0)
        raise RuntimeError("gunicorn did not start: " + self.log.read().decode(errors="replace")[-2000:])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def peak_memory_mb(self) -> tuple[float, float, float]:
        """(largest worker's peak RSS, sum of the peak RSS of master and workers, peak of the summed PSS)
        in MB. RSS (VmHWM) counts the pages the forked workers share with the master in every process;
        PSS (proportional set size, sampled every 0.2 s) counts each shared page once: the memory the
        server really takes."""
        pids = [self.process.pid] + _children(self.process.pid)
        peaks = [_vm_hwm_kb(pid) for pid in pids]
        workers = peaks[1:] or peaks
        return max(workers) / 1024, sum(peaks) / 1024, self._peak_pss_kb / 1024

    def wait_until_idle(self, quiet: float = 2.0, longest: float = 120.0) -> float:
        """Wait until master and workers have used no CPU for ``quiet`` seconds (a worker re-warming a new
        dataset version in the background is done), at most ``longest``; the seconds waited."""
        started = last_busy = time.monotonic()
        used = None
        while time.monotonic() - started < longest:
            now = sum(_cpu_ticks(pid) for pid in [self.process.pid] + _children(self.process.pid))
            if now != used:
                used, last_busy = now, time.monotonic()
            elif time.monotonic() - last_busy >= quiet:
                break
            time.sleep(0.25)
        return time.monotonic() - started

    def _sample_pss(self) -> None:
        while self.process.poll() is None:
            pids = [self.process.pid] + _children(self.process.pid)
            self._peak_pss_kb = max(self._peak_pss_kb, sum(_pss_kb(pid) for pid in pids))
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_ticks(pid: int) -> int:
    """User + system CPU time of ``pid`` so far, in clock ticks (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _vm_hwm_kb(pid: int) -> int:
    return _proc_kb(f"/proc/{pid}/status", "VmHWM:")


def _pss_kb(pid: int) -> int:
    return _proc_kb(f"/proc/{pid}/smaps_rollup", "Pss:")


def _proc_kb(path: str, field: str) -> int:
    """A ``field:  1234 kB`` line of a /proc file, in kB (0 when the process is gone)."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


_local = threading.local()


def _bench_account(database_url: str) -> tuple[str, str]:
    """A council account with a fresh random password in the store: the council site answers nothing
    without a session, so the bench measures pages as a logged-in council member does."""
    import secrets

    from dashboard.store.accounts import add_account, find_account, reset_password
    from dashboard.store.database import open_engine

    name, password = "bench-council", secrets.token_urlsafe(16)
    engine = open_engine(database_url)
    try:
        if find_account(engine, name) is None:
            add_account(engine, name, "council", password)
        else:
            reset_password(engine, name, password)
    finally:
        engine.dispose()
    return name, password


def log_in(port: int, name: str, password: str) -> dict[str, str]:
    """Log in through the form as a browser does; returns the headers every later request carries (the
    session cookie, and the CSRF token as cookie and ``X-CSRFToken``, as Dash's renderer sends it).
    A public site has no login form: no headers."""
    from http.cookies import SimpleCookie

    def cookies_of(response) -> dict[str, str]:
        jar = SimpleCookie()
        for header in response.msg.get_all("Set-Cookie") or []:
            jar.load(header)
        return {key: morsel.value for key, morsel in jar.items()}

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", "/login")
        form = conn.getresponse()
        form.read()
        if form.status == 404:
            return {}
        cookies = cookies_of(form)
        body = urlencode({"name": name, "password": password, "csrf_token": cookies.get("_csrf_token", ""), "next": "/"})
        conn.request("POST", "/login", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
        answer = conn.getresponse()
        answer.read()
        if answer.status != 302:
            raise RuntimeError(f"bench login failed: {answer.status}")
        cookies.update(cookies_of(answer))
    finally:
        conn.close()
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "X-CSRFToken": cookies.get("_csrf_token", "")}


def request(host: str, port: int, method: str, path: str, body: dict | None = None, gzip: bool = True,
            headers: dict[str, str] | None = None) -> tuple[int, bytes, float]:
    """One HTTP request on a per-thread keep-alive connection (``headers``: the session's, from
    ``log_in``); returns (status, body, server ms)."""
    key = (host, port)
    conns = getattr(_local, "conns", None)
    if conns is None:
        conns = _local.conns = {}
    conn = conns.get(key)
    if conn is None:
        conn = conns[key] = http.client.HTTPConnection(host, port, timeout=60)
    headers = {**(headers or {}), **({"Accept-Encoding": "gzip"} if gzip else {})}
    payload = None
    if body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    try:
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        data = response.read()
    except (http.client.HTTPException, OSError):
        conn.close()
        conns.pop(key, None)
        raise
    timing = response.getheader("Server-Timing") or ""
    server_ms = float(timing.split("dur=")[1]) if "dur=" in timing else float("nan")
    return response.status, data, server_ms


# --------------------------------------------------------------------------------- interactions

@dataclass
class Call:
    method: str
    path: str
    body: dict | None = None


@dataclass
class Result:
    name: str
    requests: int = 0
    errors: int = 0
    server_ms: list = field(default_factory=list)
    bytes: list = field(default_factory=list)

    def row(self) -> list[str]:
        times = sorted(self.server_ms) or [float("nan")]
        return [
            self.name,
            str(self.requests),
            f"{percentile(times, 50):.1f}",
            f"{percentile(times, 95):.1f}",
            f"{statistics.median(self.bytes) / 1024:.1f}" if self.bytes else "-",
            f"{max(self.bytes) / 1024:.1f}" if self.bytes else "-",
            str(self.errors),
        ]


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


class Interactions:
    """The requests a browser sends for each interaction class, discovered from the running app."""

    def __init__(self, server: Server, municipality: str):
        self.host, self.port, self.headers = "127.0.0.1", server.port, server.headers
        self.municipality = municipality
        dependencies = json.loads(self.get("/_dash-dependencies"))
        if not any(d["output"] == ROUTE_OUTPUT for d in dependencies):
            raise RuntimeError(f"the app has no router callback {ROUTE_OUTPUT}")
        self.documents = [(r["year"], r["document"]) for r in self._unique_documents()]
        self.programmes = self._json(f"/api/v1/programmes?{urlencode({'municipality': municipality})}") or []
        self.providers = sorted({a["provider_slug"] for p in self.programmes[:40] for a in (self._json(
            f"/api/v1/allocations?{urlencode({'municipality': municipality, 'programme': p['slug']})}") or [])})
        self.indicators = self._json(f"/api/v1/indicators?{urlencode({'municipality': municipality})}") or []

    def get(self, path: str) -> bytes:
        status, data, _ = request(self.host, self.port, "GET", path, gzip=False, headers=self.headers)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        return data

    def _json(self, path: str):
        status, data, _ = request(self.host, self.port, "GET", path, gzip=False, headers=self.headers)
        return json.loads(data) if status == 200 else None

    def _unique_documents(self) -> list[dict]:
        rows = self._json(f"/api/v1/themes/trend?{urlencode({'municipality': self.municipality})}") or []
        seen, out = set(), []
        for row in rows:
            if (row["year"], row["document"]) not in seen:
                seen.add((row["year"], row["document"]))
                out.append(row)
        return out

    def route(self, path: str, search: str = "") -> Call:
        return Call("POST", UPDATE_PATH, route_payload(path, search))

    def classes(self, rounds: int) -> dict[str, list[Call]]:
        rng = random.Random(7)
        docs = self.documents
        q = lambda y, k: f"?year={y}&document={k}"
        classes = {
            "overview load": [self.route("/", q(*rng.choice(docs))) for _ in range(rounds)],
            # "Show" computes the new address in the browser (assets/34-navigation.js): one post, the new view's
            "year/document change": [self.route("/", q(*rng.choice(docs))) for _ in range(rounds)],
            "theme drill-down": [self.route(f"/theme/{rng.choice(['vital', 'young', 'work', 'participate'])}", q(*rng.choice(docs))) for _ in range(rounds)],
        }
        if self.programmes:
            classes["programme page"] = [self.route(f"/programme/{rng.choice(self.programmes)['slug']}", q(*rng.choice(docs))) for _ in range(rounds)]
        if self.providers:
            classes["provider page"] = [self.route(f"/provider/{rng.choice(self.providers)}", q(*rng.choice(docs))) for _ in range(rounds)]
        if self.indicators:
            classes["indicator page"] = [self.route(f"/indicator/{rng.choice(self.indicators)['slug']}") for _ in range(rounds)]
        classes["meeting mode slide"] = [self.route("/present", q(*rng.choice(docs)) + f"&slide={rng.randint(1, 6)}") for _ in range(rounds)]
        groups = sorted(GROUPS)
        classes["comparison"] = [self.route("/compare", q(*rng.choice(docs)) + f"&group={rng.choice(groups)}") for _ in range(rounds)]
        savings = f"?municipality={self.municipality}"
        classes["savings tracker"] = [self.route("/savings", savings) for _ in range(rounds // 2)] + [
            self.route(f"/savings/{rng.choice(['vital', 'young', 'work', 'participate'])}", savings) for _ in range(rounds - rounds // 2)
        ]
        api = []
        for _ in range(rounds):
            y, k = rng.choice(docs)
            params = urlencode({"municipality": self.municipality, "year": y, "document": k})
            api.append(Call("GET", rng.choice([f"/api/v1/themes?{params}", f"/api/v1/programmes?{params}", f"/api/v1/indicators?municipality={self.municipality}",
                                            f"/api/v1/savings/measures?municipality={self.municipality}",
                                            f"/api/v1/savings/cost-trends?municipality={self.municipality}&theme={rng.choice(['vital', 'young', 'work', 'participate'])}",
                                            *([f"/api/v1/savings/provider-effects?provider={rng.choice(self.providers)}&{params}"] if self.providers else [])])))
        classes["API call"] = api
        # the demo's illustrative decision round: the result page and the sensitivity it computes (10,000 draws)
        rounds_listed = self._json("/api/v1/decision-rounds") or []
        if rounds_listed:
            first = rounds_listed[-1]["id"]
            classes["decision round result"] = [Call("GET", f"/rounds/{first}/result") for _ in range(rounds // 2)] + [
                Call("GET", f"/api/v1/decision-rounds/sensitivity?round={first}") for _ in range(rounds - rounds // 2)]
        return classes

    def run(self, calls: list[Call], name: str) -> Result:
        result = Result(name)
        for call in calls:
            status, data, server_ms = request(self.host, self.port, call.method, call.path, call.body, headers=self.headers)
            result.requests += 1
            if status not in (200, 204):  # 204: Dash's "no update" (e.g. the select reports the view already shown)
                result.errors += 1
            result.server_ms.append(server_ms)
            result.bytes.append(len(data))
        return result


# --------------------------------------------------------------------------------- browser, load

#: Load test: share of journeys that stay on the default document (the budget being decided on), and the
#: what a visitor may wait while an import runs (docs/hardening.md): p95 of full round trips.
IMPORT_LOAD_P95_BUDGET_MS = 200
#: think time between two clicks (uniform, seconds).
STAY_ON_DEFAULT = 0.7
THINK_SECONDS = (0.2, 1.0)


def load_test(server: Server, interactions: Interactions, users: int, seconds: float, max_requests: int,
              done: Callable[[], bool] = lambda: False, label: str = "") -> Result:
    """``users`` threads clicking overview → theme → programme → provider until the time or request cap.

    Each journey starts on the default view (``/`` without a query string: the newest begroting). With
    probability ``STAY_ON_DEFAULT`` it stays on that document (links without year/document); otherwise the
    user first picks a random document with the selectors (the callback, then that document's overview)
    and clicks on within it. Theme, programme and provider are random; ``THINK_SECONDS`` between clicks.
    ``done`` ends the test early (the import it runs beside has finished).
    """
    result = Result(label or f"load: {users} users, {seconds:.0f} s")
    lock = threading.Lock()
    deadline = time.time() + seconds
    docs = interactions.documents
    programmes = [p["slug"] for p in interactions.programmes] or [None]
    providers = interactions.providers or [None]

    def user(seed: int) -> None:
        rng = random.Random(seed)
        while time.time() < deadline:
            journey = [interactions.route("/")]  # the site opens on the default view (newest begroting), no query string
            q = ""  # links of the default view carry no year/document
            if rng.random() >= STAY_ON_DEFAULT:  # otherwise the selectors pick another document first
                y, k = rng.choice(docs)
                q = f"?year={y}&document={k}"
                journey.append(interactions.route("/", q))  # the browser computes the address: one post
            journey.append(interactions.route(f"/theme/{rng.choice(['vital', 'young', 'work', 'participate'])}", q))
            programme, provider = rng.choice(programmes), rng.choice(providers)
            if programme:
                journey.append(interactions.route(f"/programme/{programme}", q))
            if provider:
                journey.append(interactions.route(f"/provider/{provider}", q))
            for call in journey:
                with lock:
                    if result.requests >= max_requests or time.time() >= deadline or done():
                        return
                    result.requests += 1
                started = time.perf_counter()
                try:
                    status, data, _ = request(interactions.host, interactions.port, call.method, call.path, call.body, headers=interactions.headers)
                    ok = status in (200, 204)  # 204: the selector reports the document already shown
                except OSError:
                    ok, data = False, b""
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    result.server_ms.append(elapsed)  # here: full round trip as the user sees it
                    result.bytes.append(len(data))
                    result.errors += 0 if ok else 1
                time.sleep(rng.uniform(*THINK_SECONDS))  # a person reads before clicking on

    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return result


def load_during_import(server: Server, interactions: Interactions, users: int, max_requests: int, file: Path,
                       database_url: str) -> tuple[Result, float, int]:
    """The load test while ``python -m dashboard import-iv3 FILE`` writes the same store from another
    process, as an operator does on a live server: from the import's start to its end (its commit bumps the
    dataset version, so the last requests also meet the workers re-warming). (result, import seconds, exit code)."""
    env = {**os.environ, "DATABASE_URL": database_url}
    started = time.perf_counter()
    importer = subprocess.Popen([sys.executable, "-m", "dashboard", "import-iv3", str(file)], cwd=PROJECT_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = load_test(server, interactions, users, 900, max_requests, done=lambda: importer.poll() is not None,
                       label=f"load: {users} users during the import")
    code = importer.wait()
    return result, time.perf_counter() - started, code


# --------------------------------------------------------------------------------- report

HEADER = ["interaction", "requests", "p50 ms", "p95 ms", "median KB", "max KB", "errors"]


def table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def measure_scale(name: str, url: str, municipality: str, rounds: int, args) -> list[str]:
    out = [f"\n### {name}\n"]
    server = Server(url, workers=1)
    try:
        interactions = Interactions(server, municipality)
        if args.settle:  # 0: measure while the per-version warm-up still runs in the worker
            time.sleep(args.settle)
            _local.conns = {}  # the server closed the idle keep-alive connection meanwhile
        rows = []
        for label, calls in interactions.classes(rounds).items():
            rows.append(interactions.run(calls, label).row())
        largest, total, pss = server.peak_memory_mb()
        out.append(f"Server ready {server.ready_seconds:.1f} s after start (data loaded and the first pages warmed before the workers fork).\n")
        out.append(f"Server time per request (from `Server-Timing`), one gunicorn worker, {rounds} requests per class "
                   f"starting {args.settle:.0f} s after the server's first answer "
                   "(first requests of a view are cold, repeats hit the per-version cache):\n")
        out.append(table(rows))
        out.append(f"\nPeak server memory: worker {largest:.0f} MB RSS; master + worker {total:.0f} MB RSS summed, "
                   f"{pss:.0f} MB PSS (shared pages counted once).\n")
        if args.after_publish:
            bump_dataset_version(url)
            rows = [interactions.run(calls, label).row() for label, calls in interactions.classes(rounds).items()]
            out.append("The same requests right after a publish (another process bumps the dataset version, as an import or "
                       "`publish` does): every kept page and aggregate is stale, and the worker warms the new version in "
                       "the background while these requests come in:\n")
            out.append(table(rows) + "\n")
        if args.browser:
            # a reader opens the page on a settled server: not while the worker re-warms after the publish
            # above (that window is what the table right above measures)
            waited = server.wait_until_idle()
            lines = browser_figures.report(server.base, server.headers)
            if lines is None:
                out.append("Browser: Chromium not installed, first load not measured.\n")
            else:
                out.append(f"In headless Chromium, once the server had been idle for 2 s ({waited:.0f} s after the requests above; "
                           "cache disabled; the phone: 4× CPU slowdown, 150 ms RTT, 1.6 Mbps down, "
                           "750 kbps up, 390×844; first chart and LCP from navigation start):\n")
                out.append("\n".join(lines) + "\n")
    finally:
        server.stop()
    if args.users:
        server = Server(url, workers=2)
        try:
            interactions = Interactions(server, municipality)
            result = load_test(server, interactions, args.users, args.seconds, args.max_requests)
            largest, total, pss = server.peak_memory_mb()
            out.append(f"Load test (gunicorn.conf.py: 2 workers): {args.users} simulated users clicking overview → theme → programme → provider "
                       f"with {THINK_SECONDS[0]}–{THINK_SECONDS[1]} s think time, {STAY_ON_DEFAULT:.0%} of journeys on the default document, "
                       f"the rest on a random one, {args.seconds:.0f} s; times are full round trips on loopback:\n")
            out.append(table([result.row()]))
            out.append(f"\nPeak memory during load: largest worker {largest:.0f} MB RSS; all processes {total:.0f} MB RSS summed, "
                       f"{pss:.0f} MB PSS (shared pages counted once).\n")
            if args.during_import:
                file = args.source / "iv3_2017_2026_lasten.csv"
                if not file.exists():
                    out.append(f"Load during an import: skipped, {file} not found.\n")
                else:
                    during, seconds, code = load_during_import(server, interactions, args.users, args.max_requests, file, url)
                    out.append(f"The same load while `python -m dashboard import-iv3 {file.name}` (every municipality, 2017–2026) writes "
                               f"the store from another process: the import took {seconds:.1f} s (exit {code}); "
                               f"budget p95 ≤ {IMPORT_LOAD_P95_BUDGET_MS} ms:\n")
                    out.append(table([during.row()]) + "\n")
        finally:
            server.stop()
    return out


def sensitivity_timing(options: int = 30, criteria: int = 5, draws: int = 10_000, runs: int = 20) -> str:
    """The decision rounds' sensitivity analysis alone (pure numpy): the brief is well under 200 ms."""
    import numpy as np

    from dashboard.domain.decision_rounds import SPEND, result
    from dashboard.domain.decision_sensitivity import sensitivity

    rng = np.random.default_rng(0)
    scores = rng.integers(1, 6, size=(8, options, criteria))
    amounts = rng.integers(10_000, 500_000, size=options)
    weights = [100 // criteria + (1 if i < 100 % criteria else 0) for i in range(criteria)]
    outcome = result(scores, weights, amounts, int(amounts.sum() // 3), SPEND, np.zeros(options, dtype=bool))
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        sensitivity(outcome, weights, amounts, int(amounts.sum() // 3), SPEND, draws=draws)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return (f"\nDecision-round sensitivity ({options} options × {criteria} criteria × {draws:,} weight draws, ±10 points, smallest swaps; "
            f"{runs} runs): median {statistics.median(timings):.0f} ms, best {timings[0]:.0f} ms, worst {timings[-1]:.0f} ms.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("demo", "national", "both", "sensitivity"), default="both",
                        help="sensitivity: only the decision rounds' sensitivity timing (no server)")
    parser.add_argument("--source", type=Path, default=SHARED_IV3_DIR, help="folder with the national CBS files")
    parser.add_argument("--municipalities", type=int, default=50, help="generated programme layers at national scale")
    parser.add_argument("--rounds", type=int, default=40, help="requests per interaction class")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--users", type=int, default=50, help="simulated users in the load test (0: no load test)")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--settle", type=float, default=0, help="seconds to wait after the server's first answer before measuring the classes")
    parser.add_argument("--no-after-publish", dest="after_publish", action="store_false",
                        help="skip measuring the classes again right after a publish")
    parser.add_argument("--max-requests", type=int, default=20000, help="upper bound on load-test requests")
    parser.add_argument("--no-during-import", dest="during_import", action="store_false",
                        help="skip the load test during a full import of the ten-year CBS file")
    args = parser.parse_args(argv)
    municipality = os.environ.get("DASHBOARD_MUNICIPALITY", "Kampen")
    report = [f"## Benchmark {time.strftime('%Y-%m-%d %H:%M')} on {_machine()}", sensitivity_timing()]
    if args.scale == "sensitivity":
        print("\n".join(report))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.scale in ("demo", "both"):
            started = time.perf_counter()
            url = build_demo_store(tmp)
            report.append(f"\nDemo store built in {time.perf_counter() - started:.1f} s.")
            report += measure_scale("Demo dataset (Kampen)", url, municipality, args.rounds, args)
        if args.scale in ("national", "both"):
            if not (args.source / "2023_begroting.csv").exists():
                report.append(f"\nNational scale skipped: CBS files not found in {args.source}.")
            else:
                url, facts = build_national_store(tmp, args.source, args.municipalities, municipality)
                report.append("\nNational store: " + "; ".join(f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in facts.items()) + ".")
                report += measure_scale(f"National scale (all municipalities, {args.municipalities} with programme layers)", url, municipality, args.rounds, args)
    print("\n".join(report))
    return 0


def _machine() -> str:
    cpus = os.cpu_count()
    try:
        model = next(l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name"))
    except (OSError, StopIteration):
        model = "unknown CPU"
    memory = next((int(l.split()[1]) // 1024 // 1024 for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")), 0)
    return f"{cpus} × {model}, {memory} GiB RAM, Python {sys.version.split()[0]}"


if __name__ == "__main__":
    sys.exit(main())
