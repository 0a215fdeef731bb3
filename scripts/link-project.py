"""Put this checkout on the virtual environment's import path (a .pth file), so that a
notebook opened anywhere, by JupyterLab or the project's kernel, can import ``report`` and
``analysis``. Run by ``make`` with the environment's own Python."""

from __future__ import annotations

import site
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
target = Path(site.getsitepackages()[0]) / "claimcheck-report.pth"
target.write_text(f"{root}\n", encoding="utf-8")
print(f"linked {root} into {sys.prefix}", file=sys.stderr)
