"""Rendering the ledger: charts, HTML and PDF."""
