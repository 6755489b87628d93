"""Command line: ``python -m dashboard import-iv3 FILE [--year Y --document D]`` and friends.

Exit status 0 on success (one summary line), 2 on invalid input (one ``FILE:LINE: COLUMN:
problem`` line per problem on stderr; the store is unchanged), 3 when another import or publish held
the store too long (nothing changed: run it again), 1 when the database failed (nothing changed).
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from dashboard.config.paths import THEME_MAPPING_FILE
from dashboard.config.settings import Settings
from dashboard.domain.access import ROLES
from dashboard.domain.iv3 import DOCUMENT_KINDS, parse_year_text
from dashboard.domain.themes import ThemeMapping
from dashboard.importers.iv3 import parse_iv3_file
from dashboard.importers.problems import ImportFailed
from dashboard.store.database import open_engine
from dashboard.store.writer import store_iv3
from dashboard.store.writing import WriterBusy


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep one clear line
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m dashboard", description="Social Domain Dashboard: data management")
    commands = parser.add_subparsers(dest="command", required=True)
    iv3 = commands.add_parser("import-iv3", help="import a CBS Iv3 file (all municipalities in it)")
    iv3.add_argument("file")
    iv3.add_argument("--year", help="budget year, for files without a Jaar column")
    iv3.add_argument("--document", help="begroting or jaarrekening, for files without a Document column")
    fund = commands.add_parser(
        "import-gemeentefonds", help="import the gemeentefonds circulars of a folder (GF_*_Volumina/Gewichten/SIUDU.csv, Uitkeringsfactor.csv)"
    )
    fund.add_argument("directory")
    regions = commands.add_parser("import-regions", help="import classifications and regions (CBS Gebieden in Nederland, gemeenteklassen, fund classes)")
    regions.add_argument("files", nargs="+", metavar="FILE")
    project = commands.add_parser("import", help="import the project's own CSV files from a directory (see data/README.md)")
    project.add_argument("directory")
    project.add_argument("--publish", action="store_true", help="publish at once (default: the import is a draft)")
    for verb, text in (("publish", "publish a dataset: the public site shows it"), ("unpublish", "withdraw a dataset from the public site (back to draft)")):
        status = commands.add_parser(verb, help=text)
        status.add_argument("--year", type=int)
        status.add_argument("--document")
        status.add_argument("--indicators", action="store_true", help="the results layers (indicators, values, stories) instead of a year and document")
        status.add_argument("--municipality", help="with --indicators: only this municipality's results layer (default: every layer)")
    demo = commands.add_parser("load-demo", help="load the embedded demo dataset into the store")
    demo.add_argument("--replace", action="store_true", help="also into a store that holds figures: replaces their years and documents")
    backup = commands.add_parser("backup", help="write a consistent copy of the (SQLite) store to a new file, also while the server runs")
    backup.add_argument("file")
    restore = commands.add_parser("restore", help="replace the store's contents by a backup made with 'backup'")
    restore.add_argument("file")
    users = commands.add_parser("users", help="local accounts of the council site (login with name and password)")
    user_commands = users.add_subparsers(dest="users_command", required=True)
    add = user_commands.add_parser("add", help="add an account; prints its generated password once")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input instead of generating one")
    user_commands.add_parser("list", help="every account: name, role, source, active or disabled")
    for verb, text in (("disable", "the account can no longer log in; its sessions end"), ("enable", "undo disable"),
                       ("reset", "a new generated password (printed once); the account's sessions end")):
        change = user_commands.add_parser(verb, help=text)
        change.add_argument("name")
        if verb == "reset":
            change.add_argument("--password-stdin", action="store_true", help="read the new password from standard input")
    db = commands.add_parser("db", help="the store's schema revision (migrations in dashboard/store/migrations)")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="bring the store to the newest schema revision (the app does this at start too)")
    db_commands.add_parser("current", help="print the store's schema revision")
    db_revision = db_commands.add_parser("revision", help="write a new migration: the table modules' changes against the store (review it)")
    db_revision.add_argument("message")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args, Settings.from_env())
    except WriterBusy as busy:
        print(f"error: {args.command}: {busy}", file=sys.stderr)
        return 3
    except SQLAlchemyError as error:  # the transaction was rolled back: the store is as it was
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        print(f"error: {args.command}: the store could not be written or read ({type(error).__name__}: {reason}); nothing was changed", file=sys.stderr)
        return 1


def _run(args, settings: Settings) -> int:
    if args.command == "import-iv3":
        if args.document is not None:
            args.document = args.document.strip().lower()  # 'Begroting' is unambiguous
            if args.document not in DOCUMENT_KINDS:
                print(f"{args.file}:0: --document: {args.document!r} is not a document; use begroting or jaarrekening", file=sys.stderr)
                return 2
        if args.year is not None:
            try:
                args.year = parse_year_text(args.year.strip())
            except ValueError:
                print(f"{args.file}:0: --year: {args.year!r} is not a year such as 2025", file=sys.stderr)
                return 2
        if (args.year is None) != (args.document is None):
            print(f"{args.file}:0: --year/--document: give both or neither", file=sys.stderr)
            return 2
        try:
            parsed = parse_iv3_file(args.file, ThemeMapping.from_csv(THEME_MAPPING_FILE), year=args.year, kind=args.document)
        except ImportFailed as failure:
            for line in failure.report_lines():
                print(line, file=sys.stderr)
            return 2
        engine = open_engine(settings.database_url)
        try:
            store_iv3(engine, parsed)
        finally:
            engine.dispose()  # close the connections: SQLite folds its write-ahead log back into the file
        for warning in parsed.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(parsed.summary())
        return 0
    if args.command in ("import-gemeentefonds", "import-regions"):
        return _import_comparison(args, settings)
    if args.command == "import":
        from dashboard.importers.project import ImportOptions
        from dashboard.ingest.project import import_project_directory

        try:
            result = import_project_directory(open_engine(settings.database_url), args.directory, ImportOptions(publish=args.publish))
        except ImportFailed as failure:
            for line in failure.report_lines():
                print(line, file=sys.stderr)
            return 2
        print(result.summary())
        return 0
    if args.command == "users":
        return _users(args, settings)
    if args.command in ("publish", "unpublish"):
        return _change_status(args, settings, "published" if args.command == "publish" else "draft")
    if args.command == "load-demo":
        from dashboard.demo.load import load_demo

        engine = open_engine(settings.database_url)
        try:
            from dashboard.store.repository import Repository

            documents = Repository(engine).documents()
            if not args.replace and not documents.empty:
                print(
                    f"load-demo: the store already holds {len(documents)} Iv3 documents; the demo (Kampen only) would "
                    "replace 2017-2026 for every municipality in it. Use an empty store, or --replace.",
                    file=sys.stderr,
                )
                return 2
            for summary in load_demo(engine):
                print(summary)
        finally:
            engine.dispose()
        return 0
    if args.command == "db":
        return _db(args, settings)
    if args.command in ("backup", "restore"):
        return _backup_or_restore(args, settings)
    return 2


def _import_comparison(args, settings: Settings) -> int:
    """The fund or the regions: every name must join to the stored Iv3 municipalities, so those come first."""
    from dashboard.store.compare_tables import store_fund, store_regions
    from dashboard.store.repository import Repository

    engine = open_engine(settings.database_url)
    try:
        known = set(Repository(engine).municipalities())
        try:
            if args.command == "import-gemeentefonds":
                from dashboard.importers.gemeentefonds import parse_gemeentefonds

                parsed = parse_gemeentefonds(args.directory, known)
                store_fund(engine, parsed.payments, parsed.volumes, parsed.notes)
                for note in parsed.notes.itertuples(index=False):
                    print(f"note: {note.circular} {note.payment_year}: {note.note}", file=sys.stderr)
            else:
                from dashboard.importers.regions import parse_regions

                parsed = parse_regions(args.files, known)
                store_regions(engine, parsed.frame)
        except ImportFailed as failure:
            for line in failure.report_lines():
                print(line, file=sys.stderr)
            return 2
    finally:
        engine.dispose()
    print(parsed.summary())
    return 0


def _change_status(args, settings: Settings, status: str) -> int:
    from dashboard.store.publishing import set_document_status, set_results_status

    if args.indicators == (args.year is not None or args.document is not None):
        print(f"error: {args.command}: give either --year and --document, or --indicators", file=sys.stderr)
        return 2
    engine = open_engine(settings.database_url)
    if args.indicators:
        changes = set_results_status(engine, status, args.municipality)
        what = f"the results layer of {args.municipality}" if args.municipality else "the results layer"
    else:
        if args.year is None or args.document not in DOCUMENT_KINDS:
            print(f"error: {args.command}: give --year YEAR and --document begroting|jaarrekening", file=sys.stderr)
            return 2
        changes, what = set_document_status(engine, args.year, args.document, status), f"{args.document} {args.year}"
    if not changes:
        print(f"error: {args.command}: nothing is stored for {what}", file=sys.stderr)
        return 2
    print(f"{what} is now {status}: " + ", ".join(f"{c.what} ({c.rows})" for c in changes))
    return 0


def _backup_or_restore(args, settings: Settings) -> int:
    from dashboard.store.backup import BackupRefused, backup, restore

    engine = open_engine(settings.database_url)
    try:
        if args.command == "backup":
            version = backup(engine, args.file)
            print(f"backup: wrote {args.file} (dataset version {version})")
        else:
            version = restore(engine, args.file)
            print(f"restore: the store now holds {args.file} (as dataset version {version})")
    except BackupRefused as refused:
        print(f"error: {args.command}: {refused}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


def _users(args, settings: Settings) -> int:
    from dashboard.domain.passwords import generate_password
    from dashboard.store import accounts
    from dashboard.store.audit import record

    engine = open_engine(settings.database_url)
    try:
        if args.users_command == "list":
            for account in accounts.list_accounts(engine):
                print(f"{account.name}\t{account.role}\t{account.source}\t{'disabled' if account.disabled else 'active'}")
            return 0
        given = getattr(args, "password_stdin", False)
        password = sys.stdin.readline().rstrip("\n") if given else generate_password()
        try:
            if args.users_command == "add":
                account = accounts.add_account(engine, args.name, args.role, password)
            elif args.users_command == "reset":
                account = accounts.reset_password(engine, args.name, password)
            else:
                account = accounts.set_disabled(engine, args.name, args.users_command == "disable")
        except accounts.AccountProblem as problem:
            print(f"error: users {args.users_command}: {problem}", file=sys.stderr)
            return 2
        record(engine, "command line", "users", f"{args.users_command} {account.name} (role {account.role})")
        print(f"{args.users_command}: {account.name} (role {account.role})")
        if args.users_command in ("add", "reset") and not given:
            print(f"password (shown only now): {password}")
        return 0
    finally:
        engine.dispose()


def _db(args, settings: Settings) -> int:
    from dashboard.store import migrations
    from dashboard.store.database import current_revision, upgrade_schema

    engine = open_engine(settings.database_url, migrate=False)
    try:
        head = migrations.head_revision()
        if args.db_command == "upgrade":
            before, after = upgrade_schema(engine)
            print(f"store: at revision {after} (head)" if before == after else f"store: upgraded from {before or 'no revision'} to {after} (head)")
        elif args.db_command == "current":
            current = current_revision(engine)
            if current == head:
                print(f"{current} (head)")
            elif current is not None:
                print(f"{current} (head is {head}: python -m dashboard db upgrade)")
            else:
                with engine.connect() as conn:
                    old = migrations.made_before_migrations(conn)
                print(
                    "none ("
                    + ("made before migrations: db upgrade stamps it at " + migrations.BASELINE if old else "empty store: db upgrade creates the schema")
                    + ")"
                )
        else:
            upgrade_schema(engine)
            with engine.connect() as conn:
                print(f"wrote {migrations.new_revision(conn, args.message)}: review it")
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
