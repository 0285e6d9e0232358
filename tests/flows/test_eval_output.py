"""`sitrep eval`'s tables: figures rounded, splits side by side, tallies as hits/total."""

from rich.console import Console

from flows.eval_output import eval_tables


def rendered(report: dict) -> str:
    console = Console(record=True, width=120)
    for table in eval_tables(report, "eval"):
        console.print(table)
    return console.export_text()


def test_splits_become_columns_and_rates_three_decimals():
    part = {"docs": 3, "f1": 0.9876543, "country": None,
            "recall_by_sub_type": {"Grenade": [2, 3, 2 / 3]}}
    report = {**part, "by_split": {"tune": {**part, "f1": 1.0}, "heldout": {**part, "docs": 1}}}
    text = rendered(report)
    header = next(line for line in text.splitlines() if "figure" in line)
    assert header.index("all") < header.index("tune") < header.index("heldout")
    assert "0.988" in text and "0.9876" not in text and "1.000" in text
    assert "2/3  0.667" in text and "by_split" not in text and "{" not in text


def test_a_report_without_splits_is_one_column_and_skips_lists():
    text = rendered({"docs": 5, "event_f1": 1.0, "rows": [{"week": "2023-10-16"}]})
    assert "event_f1" in text and "1.000" in text and "rows" not in text and "tune" not in text


def test_the_article_golds_weekly_counts_are_a_table_of_predicted_and_gold():
    text = rendered({"docs": 5, "weekly": {"2023-11-06": [5, 4]}})
    assert "2023-11-06" in text and "5 / 4" in text


def test_examples_are_a_table_per_kind_with_document_expected_and_produced():
    item = {"kind": "wrong_country", "document": "note[7].txt", "expected": {"country_code": "KE"},
            "produced": [{"event_date": "2025-03-11", "country_code": "SO", "weapons": ["grenade", "gunfire"],
                          "evidence": "A grenade [sic] was thrown."}]}
    missed = {"kind": "missed", "document": "n1.txt", "expected": {"attack": True}, "produced": []}
    text = rendered({"docs": 2, "f1": 0.5, "examples": {"missed": {"count": 4, "items": [missed]},
                                                        "wrong_country": {"count": 1, "items": [item]}}})
    assert "missed: 4 (showing 1)" in text and "wrong country: 1 (showing 1)" in text
    assert "note[7].txt" in text and "country_code: KE" in text and "country_code: SO" in text
    assert "grenade/gunfire" in text and "[sic]" in text and "no event" in text
    assert "examples" not in text.split("missed:")[0], "no tally table of the examples dict"
