"""The entity index's name lookups answer the same in memory (`marsad analyze`) and in a
scratch database (`marsad batch`), including what the database side remembers of them."""

from __future__ import annotations

from marsad.link.records import MemoryNames, StoredNames
from marsad.run.scratch import scratch_database


def test_names_in_memory_and_on_disk_give_the_same_answers() -> None:
    memory, stored = MemoryNames(), StoredNames(scratch_database(None))
    for names in (memory, stored):
        assert names.key_owner("PER", "عبدالله العلي") is None
        assert "العلي" not in names
        names.add_key("PER", "عبدالله العلي", "e1")
        names.add_key("PER", "عبدالله العلي", "e2")  # the first record with a key keeps it
        names.add_key("LOC", "عبدالله العلي", "e3")  # another type, another owner
        names.add_given_name("عبدالله")
    for names in (memory, stored):
        # Asked twice: the second answer comes from what the first one found.
        for _ in range(2):
            assert names.key_owner("PER", "عبدالله العلي") == "e1"
            assert names.key_owner("LOC", "عبدالله العلي") == "e3"
            assert names.key_owner("ORG", "عبدالله العلي") is None
            assert "العلي" in names and "عبدالله العلي" in names and "سالم" not in names
            assert names.is_given_name("عبدالله") and not names.is_given_name("سالم")
    stored.add_given_name("سالم")
    assert stored.is_given_name("سالم")  # a miss is not remembered
