"""Showing money: amounts are integer fen (分) everywhere and become yuan only as text, at the edge."""

from __future__ import annotations

__all__ = ["yuan"]


def yuan(fen: int) -> str:
    """``-1234`` → ``"-12.34"``, by integer arithmetic (no float ever holds an amount)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"
