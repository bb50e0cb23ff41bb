"""Named-entity mentions (PLACEHOLDER until issue 4 lands)."""
from __future__ import annotations

from marsad.model import Doc, Mention


class EntityTagger:
    @classmethod
    def load(cls) -> "EntityTagger":
        return cls()


def extract_mentions(doc: Doc, tagger: EntityTagger) -> list[Mention]:
    return []
