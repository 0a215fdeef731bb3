"""Run a notebook on a real Jupyter kernel and write it, whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from report.errors import BuildError

KERNEL = "python3"


def _where(notebook: NotebookNode, index: int | None) -> str:
    if index is None or not 0 <= index < len(notebook.cells):
        return "a cell"
    meta = notebook.cells[index].get("metadata", {}).get("claimcheck", {})
    claim = meta.get("claim") or "the set-up"
    return f"cell {index + 1} ({meta.get('role', 'code')} of claim {claim!r})"


def _failing_cell(client: NotebookClient, notebook: NotebookNode) -> int | None:
    index = getattr(client, "_claimcheck_cell", None)
    return index if isinstance(index, int) else None


class _TrackingClient(NotebookClient):
    """An nbclient client that remembers which cell it is running."""

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):  # type: ignore[no-untyped-def]
        self._claimcheck_cell = cell_index
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)


def execute(notebook: NotebookNode, cwd: Path, timeout: int = 600) -> NotebookNode:
    """``notebook`` executed in ``cwd`` on the ``python3`` kernel of this environment.

    A cell that raises, a kernel that dies or a cell past ``timeout`` seconds raises
    :class:`BuildError` naming the claim and the cell.
    """
    client = _TrackingClient(
        notebook,
        timeout=timeout,
        # The kernel listens on 127.0.0.1 only; its warning about unencrypted TCP is noise here.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        kernel_name=KERNEL,
        resources={"metadata": {"path": str(cwd)}},
        allow_errors=False,
        record_timing=False,
    )
    try:
        client.execute()
    except CellExecutionError as error:
        where = _where(notebook, _failing_cell(client, notebook))
        name = getattr(error, "ename", "error")
        value = getattr(error, "evalue", "")
        raise BuildError(f"the notebook failed in {where}: {name}: {value}") from None
    except (CellTimeoutError, TimeoutError):
        where = _where(notebook, _failing_cell(client, notebook))
        raise BuildError(f"the notebook ran past its time limit ({timeout} s) in {where}") from None
    except DeadKernelError as error:
        where = _where(notebook, _failing_cell(client, notebook))
        raise BuildError(f"the Jupyter kernel died in {where}: {error}") from None
    return notebook


def write_atomically(notebook: NotebookNode, path: Path) -> Path:
    """Write ``notebook`` to ``path`` through a temporary file renamed into place."""
    text = nbformat.writes(notebook)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp_name, path)
    finally:
        Path(tmp_name).unlink(missing_ok=True)
    return path
