"""Protected persons: no identifying value in clear anywhere in the store file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.record import helpers as h
from tiaki.record.ingest import ingest
from tiaki.record.model import Model
from tiaki.record.protect import Protector, is_pseudonym
from tiaki.record.store import Store
from tiaki.settings import load_settings


def _all_text(store: Store) -> str:
    """Every text value of every table, as one string."""
    parts = []
    for (table,) in (
        store.cursor()
        .execute("SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'")
        .fetchall()
    ):
        for row in store.cursor().execute(f"SELECT * FROM {table}").fetchall():
            parts.extend(str(v) for v in row if v is not None)
    return "\n".join(parts)


def _assert_absent(store: Store, path: Path) -> None:
    text = _all_text(store).casefold()
    store.close()
    blob = path.read_bytes()
    for wal in path.parent.glob(path.name + ".wal"):
        blob += wal.read_bytes()
    for value in h.PROTECTED_VALUES:
        assert value.casefold() not in text, value
        for enc in ("utf-8", "utf-16-le"):
            assert value.encode(enc) not in blob, value
            assert value.upper().encode(enc) not in blob, value


@pytest.mark.parametrize("seal", [True, False])
def test_protected_values_never_in_clear(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch, home: Path, seal: bool
) -> None:
    if not seal:
        monkeypatch.delenv("TIAKI_SEAL_KEY")
    settings = load_settings()
    store = Store(settings, create=True)
    data, mapping = h.engagements(tmp_path)
    r = ingest(store, model, data, mapping)
    assert r.rows_stored == 2
    # bad rows of protected people are quarantined sealed too
    bad = tmp_path / "bad.csv"
    bad.write_text(
        h.ENGAGEMENT_HEADER + "E3,31/02/2026,Phạm Thị Quỳnh,027 555 0101,12/12/1996,"
        "Viet Nam,Acme,09 555 1234,yes,x\n",
        encoding="utf-8",
    )
    r2 = ingest(store, model, bad, mapping)
    assert r2.rows_quarantined == 1
    worker = store.rows(
        "SELECT prop, value, original, protected FROM statements "
        "WHERE entity_id IN (SELECT entity_id FROM statements WHERE prop = 'role' "
        "AND value = 'worker')"
    )
    by_prop = {x["prop"]: x for x in worker}
    for prop in ("name", "phone", "birth_date"):
        assert is_pseudonym(by_prop[prop]["value"]) and by_prop[prop]["original"] is None
    assert by_prop["nationality"]["value"] in {"VN", "CN"}  # not identifying: kept
    # the worker's phone as a Phone node is pseudonymised because its column is protected
    phones = store.rows("SELECT value FROM statements WHERE kind = 'Phone'")
    assert phones and all(is_pseudonym(p["value"]) for p in phones)
    # the employer is not protected: what the worker said is used to find the employer
    assert (
        store.scalar(
            "SELECT value FROM statements WHERE kind='Organization' AND prop='name' LIMIT 1"
        )
        == "Sunny Orchard Ltd"
    )
    assert store.scalar("SELECT count(*) FROM statements WHERE kind='Consent'") >= 2
    _assert_absent(store, settings.store_path)


def test_pseudonyms_link_spelling_variants_and_need_the_key() -> None:
    a = Protector(b"k" * 32)
    b = Protector(b"j" * 32)
    assert a.pseudonym("name", "nguyen van an") == a.pseudonym("name", "nguyen van an")
    assert a.pseudonym("name", "nguyen van an") != b.pseudonym("name", "nguyen van an")
    assert a.pseudonym("name", "x") != a.pseudonym("phone", "x")


def test_sealed_cells_open_only_with_key_and_context() -> None:
    from cryptography.exceptions import InvalidTag

    p = Protector(b"k" * 32, b"s" * 32)
    token = p.seal("Phạm Thị Quỳnh", "src|rec|name")
    assert "Quỳnh" not in token and p.unseal(token, "src|rec|name") == "Phạm Thị Quỳnh"
    with pytest.raises(InvalidTag):
        p.unseal(token, "src|rec|phone")


def test_clear_mode_is_a_deliberate_setting(
    tmp_path: Path, model: Model, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIAKI_PROTECT", "clear")
    store = Store(load_settings(), create=True)
    data, mapping = h.engagements(tmp_path)
    ingest(store, model, data, mapping)
    names = {x["value"] for x in store.rows("SELECT value FROM statements WHERE prop='name'")}
    assert "Phạm Thị Quỳnh" in names
    store.close()
