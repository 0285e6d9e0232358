import datetime as dt

from transforms.dedup import incident_key, link_duplicates, minhash_signature

BASE = " ".join(f"word{i}" for i in range(300))


def test_near_duplicate_links_to_the_earlier_document():
    a, b = minhash_signature(BASE), minhash_signature(BASE + " syndicated from a partner")
    assert link_duplicates([("b", b)], [("a", a)]) == {"b": "a"}


def test_different_documents_are_not_linked():
    other = " ".join(f"other{i}" for i in range(300))
    assert link_duplicates([("b", minhash_signature(other))], [("a", minhash_signature(BASE))]) == {}


def test_duplicates_within_one_batch_point_at_the_first():
    sig = minhash_signature(BASE)
    assert link_duplicates([("x", sig), ("y", sig), ("z", sig)], []) == {"y": "x", "z": "x"}


def test_signature_is_deterministic():
    assert minhash_signature(BASE) == minhash_signature(BASE)


def test_same_day_country_and_place_is_one_incident():
    day = dt.date(2023, 11, 9)
    assert incident_key(day, "IQ", "fac:ain-al-asad", "e1") == incident_key(day, "IQ", "fac:ain-al-asad", "e2")
    assert incident_key(None, "IQ", None, "e1") != incident_key(None, "IQ", None, "e2")
