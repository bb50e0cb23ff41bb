"""Disjoint sets (union-find with path halving): which reports, sentences or counts are one
thing, once pairs of them have been found to be the same. Written here once, for the
story-level steps that group (events, summaries, claims of counts and of dates)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class DisjointSets:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        """Put j's set under i's."""
        self.parent[self.find(j)] = self.find(i)

    def groups(self, items: Sequence[T]) -> list[list[T]]:
        """`items` (one per element) grouped by set, each group and the groups in the order
        of their first element."""
        found: dict[int, list[T]] = {}
        for i, item in enumerate(items):
            found.setdefault(self.find(i), []).append(item)
        return list(found.values())
