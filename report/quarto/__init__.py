"""Quarto as an optional engine: the ledger written as a ``.qmd`` from the same templates,
rendered by the ``quarto`` command into the version folder under distinct names."""
