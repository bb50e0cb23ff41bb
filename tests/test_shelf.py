"""The shelves the corpus-level step reads docs from: in memory and on disk, one order."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
from story_docs import make_doc

from marsad.model import Doc
from marsad.run.shelf import DiskShelf, MemoryShelf


def _docs() -> list[Doc]:
    docs = []
    for doc_id, source in (("b", "z.txt"), ("c", "a.txt"), ("a", "a.txt")):
        doc = make_doc(doc_id, f"خبر رقم {doc_id} عن الاقتصاد")
        docs.append(dataclasses.replace(doc, article=dataclasses.replace(doc.article, source=source)))
    return docs


@pytest.mark.parametrize("kind", ["memory", "disk"])
def test_shelf_keeps_one_doc_per_id_in_source_then_id_order(kind: str, tmp_path: Path) -> None:
    shelf = MemoryShelf() if kind == "memory" else DiskShelf(tmp_path / "s.sqlite")
    for doc in _docs():
        shelf.put(doc)
    assert shelf.ids() == ["a", "c", "b"]  # (source, id)
    retitled = dataclasses.replace(_docs()[0], article=dataclasses.replace(_docs()[0].article, title="جديد"))
    shelf.put(retitled)  # the same id again replaces the doc
    assert len(shelf) == 3 and shelf.get("b").article.title == "جديد"
    seen = []
    for doc in shelf:  # putting while iterating is allowed: the order is a snapshot
        seen.append(doc.id)
        shelf.put(dataclasses.replace(doc, reuse=()))
    assert seen == ["a", "c", "b"]
    assert [d.id for d in shelf.get_many(["b", "a"])] == ["b", "a"]
    assert [pickle.loads(p).id for p in shelf.pickled_many(["b", "a"])] == ["b", "a"]  # as sent to workers
    with pytest.raises(KeyError):
        shelf.get("missing")
    # The same page under another address: the first address in sort order is kept,
    # whichever came first.
    moved = dataclasses.replace(shelf.get("c"), article=dataclasses.replace(shelf.get("c").article, source="0.txt"))
    later = dataclasses.replace(moved, article=dataclasses.replace(moved.article, source="zz.txt"))
    shelf.put(later)
    assert shelf.get("c").article.source == "a.txt"
    shelf.put(moved)
    assert shelf.get("c").article.source == "0.txt" and shelf.ids() == ["c", "a", "b"]


def test_disk_shelf_gives_back_equal_docs_and_removes_its_file(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    docs = _docs()
    with DiskShelf(path) as shelf:
        shelf.put_many(docs)
        assert shelf.get_many(["c", "b"]) == [docs[1], docs[0]]
        assert path.exists()
    assert not path.exists()


def test_disk_shelf_scratch_databases_are_files_beside_it_removed_on_close(tmp_path: Path) -> None:
    with DiskShelf(tmp_path / "s.sqlite") as shelf:
        first, second = shelf.scratch_db(), shelf.scratch_db()
        first.execute("CREATE TABLE t (x INTEGER)")
        second.execute("CREATE TABLE t (x INTEGER)")  # each one is a database of its own
        first.execute("INSERT INTO t VALUES (1)")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["s.sqlite", "s.sqlite.scratch0", "s.sqlite.scratch1"]
        assert second.execute("SELECT count(*) FROM t").fetchone() == (0,)
    assert list(tmp_path.iterdir()) == []
