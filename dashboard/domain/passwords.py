"""Passwords of local accounts: Argon2id hashes (argon2-cffi), generated demo passwords."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: Shortest password ``users add``/``reset`` accept.
MIN_LENGTH = 12
_HASHER = PasswordHasher()  # Argon2id with argon2-cffi's recommended cost (RFC 9106 low-memory)


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise ValueError(f"a password needs at least {MIN_LENGTH} characters")
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; an account without a hash (single sign-on only) never matches."""
    try:
        return _HASHER.verify(stored_hash or _DUMMY, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    """A password to hand out once: 16 URL-safe characters (96 bits)."""
    return secrets.token_urlsafe(12)


#: Verified against when the name is unknown, so that case takes as long as a wrong password.
_DUMMY = _HASHER.hash(secrets.token_urlsafe(12))
