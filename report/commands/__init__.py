"""One module per command of ``python -m report``, each defining ``command``.

Modules import the pipeline inside the command function, so that ``--help`` and the
commands that need little stay fast.
"""
