"""Editors' review: what changed between two versions (``diff``), what each claim's editor
saw (``fingerprint``), and the append-only, hash-chained sign-off log (``log``)."""
