"""Roles and role-based coreference (PLACEHOLDER until issue 4 lands)."""
from __future__ import annotations

from marsad.model import Doc, Mention


def attach_roles(doc: Doc) -> list[Mention]:
    """Return the doc's mentions with roles attached and role-only references resolved."""
    return list(doc.mentions)
