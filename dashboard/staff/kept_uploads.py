"""Uploaded files kept between the dry run and the editor's confirmation.

Each upload gets a directory under the system's temporary directory, named by a random token; the token
is kept in the uploader's session and sent back by the confirm form, so only that session can confirm
it (also across workers: they share the directory). A kept upload expires after ``KEEP_SECONDS``;
expired ones are removed whenever an upload is kept or looked up.
"""

from __future__ import annotations

import json
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

KEEP_SECONDS = 60 * 60
SESSION_KEY = "upload"
ABOUT = "upload.json"


@dataclass(frozen=True)
class KeptUpload:
    token: str
    directory: Path
    file_set: str
    workbook: str | None  # the workbook's name as uploaded, None for CSV files
    files: tuple[str, ...]  # names as uploaded
    actor: str


def uploads_root() -> Path:
    return Path(tempfile.gettempdir()) / "dashboard-uploads"


def new_upload_directory() -> tuple[str, Path]:
    """A fresh, private directory for one upload and its token."""
    remove_expired()
    token = secrets.token_urlsafe(24)
    directory = uploads_root() / token
    directory.mkdir(parents=True, mode=0o700)
    return token, directory


def keep(session, token: str, directory: Path, file_set: str, workbook: str | None, files: list[str], actor: str) -> None:
    about = {"file_set": file_set, "workbook": workbook, "files": files, "actor": actor, "made": time.time()}
    (directory / ABOUT).write_text(json.dumps(about), encoding="utf-8")
    session[SESSION_KEY] = token


def kept(session, token: str, actor: str) -> KeptUpload | None:
    """The upload of ``token`` when it is this session's, by ``actor`` and not expired; else None."""
    remove_expired()
    if not token or session.get(SESSION_KEY) != token or not token.replace("-", "").replace("_", "").isalnum():
        return None
    directory = uploads_root() / token
    try:
        about = json.loads((directory / ABOUT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if about.get("actor") != actor:
        return None
    return KeptUpload(token, directory, about["file_set"], about["workbook"], tuple(about["files"]), actor)


def discard(session, token: str) -> None:
    if session.get(SESSION_KEY) == token:
        session.pop(SESSION_KEY, None)
    if token and token.replace("-", "").replace("_", "").isalnum():
        shutil.rmtree(uploads_root() / token, ignore_errors=True)


def remove_expired(now: float | None = None) -> None:
    root = uploads_root()
    if not root.is_dir():
        return
    now = time.time() if now is None else now
    for directory in root.iterdir():
        try:
            if now - directory.stat().st_mtime > KEEP_SECONDS:
                shutil.rmtree(directory, ignore_errors=True)
        except OSError:
            continue
