"""``python -m report``: see :mod:`report.cli`."""

import sys

from report.cli import main

sys.exit(main())
