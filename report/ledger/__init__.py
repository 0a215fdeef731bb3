"""The ledger stage: plan what each claim needs (``plan``), compute it (``compute``),
and the rows that result (``entry``); ``prose`` checks the text the rows carry.
"""
