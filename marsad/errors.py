"""One exception hierarchy. Every message names the source and the problem."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class for errors a user can act on (no traceback is shown for these)."""


class InputError(MarsadError):
    """An input could not be read: unreadable, binary, empty, too large or malformed."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelError(MarsadError):
    """A shipped model file is missing or cannot be loaded."""


class StoreError(MarsadError):
    """The store cannot be opened or written."""


class PageTimeout(MarsadError):
    """One page took longer than the per-page time limit (hostile or pathological input)."""
