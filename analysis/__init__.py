"""Pure analyses, one module per claim family: data frames in, typed results out.

Nothing here reads files, prints or looks at settings; :mod:`report.ledger.compute` calls these
functions with validated tables, cited parameters and the article's stated values.
"""
