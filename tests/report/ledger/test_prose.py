from report.ledger.prose import fill, placeholders, unresolved, without_placeholders


def test_fill_formats_each_named_value() -> None:
    text = "Two pools mined {top2} of blocks in {year}."
    values = {"top2": (52.34, "percent"), "year": (2025.0, "year")}
    assert fill(text, values) == "Two pools mined 52.3% of blocks in 2025."


def test_unresolved_lists_missing_names_once() -> None:
    assert unresolved(["{a} and {b}", "{b}"], {"a": (1.0, "count")}) == ["b"]


def test_placeholders_and_what_remains() -> None:
    assert placeholders("from {first_year} to {last_year}") == ["first_year", "last_year"]
    assert without_placeholders("from {first_year} to {last_year}") == "from  to "
