import datetime as dt

from transforms.dedup import DuplicateIndex, incident_key, link_duplicates, minhash_signature

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


def test_a_province_or_country_on_one_day_is_no_incident_by_itself():
    # "in Kandahar province" and "in Afghanistan" name no attack's place: the load's rules decide
    day = dt.date(2026, 4, 6)
    for place in ("gpe:kandahar", "gpe:af"):
        assert incident_key(day, "AF", place, "e1", precise=False) != incident_key(day, "AF", place, "e2", precise=False)


def test_links_are_the_same_before_and_after_the_index_sorts_its_keys():
    """The index keeps the latest documents' band keys apart and sorts them in every RECENT
    documents: where a candidate's key sits must not change what it links to."""
    words = "rocket drone base strike militia convoy airport village shelling casualties".split()
    texts = [" ".join(words[(i + j) % len(words)] + str((i * j) % 7) for j in range(40)) for i in range(12)]
    bodies = [t for t in texts for _ in range(2)] + [texts[3] + " one more line", texts[7] + " and a last one"]
    signatures = [(f"d{i:02d}", minhash_signature(b)) for i, b in enumerate(bodies)]
    small, large = DuplicateIndex(), DuplicateIndex()
    small.RECENT = 3
    small.add_prior("prior", signatures[5][1], dt.datetime(2024, 1, 1))
    large.add_prior("prior", signatures[5][1], dt.datetime(2024, 1, 1))
    linked = [(small.link(i, s), large.link(i, s)) for i, s in signatures]
    assert all(a == b for a, b in linked)
    assert sum(a is not None for a, _ in linked) >= 12
    assert linked[5][0] == linked[4][0] == "prior"
