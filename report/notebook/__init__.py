"""The notebook engine: each version as an executed Jupyter notebook.

``session`` is what the notebook's cells call (load the pinned data, assess a claim with
parameters a reader may change, show its figures and chart); ``cells`` writes the notebook
from the ledger; ``execute`` runs it on a real kernel and writes it atomically.
"""
