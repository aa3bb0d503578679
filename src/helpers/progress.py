"""Progress of slow steps, shown where the user is looking and nowhere else.

* In JupyterLab (an IPython kernel) a one-line status is displayed under the cell
  and updated in place; when the step ends the line is blanked, so the saved
  notebook and its HTML export keep no trace of it.
* Under ``make report`` the runner sets ``HELPERS_PROGRESS_FILE``; steps are appended
  to that file and the runner relays them to the terminal, so they never reach the
  executed notebook or the report.
* Elsewhere (scripts, ``make bench``) steps go to the ``helpers.progress`` logger.

Hand-written rather than tqdm: tqdm writes to a stream, and in a kernel a stream is a
saved output (the "Training sentiment model: step …" lines the reports used to show).
"""

from __future__ import annotations

import logging
import os

#: Environment variable naming the file that ``make report`` relays to the terminal.
PROGRESS_FILE_ENV = "HELPERS_PROGRESS_FILE"

logger = logging.getLogger(__name__)


def _kernel_shell():
    try:
        from IPython import get_ipython  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)
    except ImportError:
        return None
    shell = get_ipython()
    return (
        shell
        if shell is not None and getattr(shell, "kernel", None) is not None
        else None
    )


class Progress:
    """A counted sequence of steps: ``with Progress(5, "Training") as bar: bar.step("...")``.

    Args:
        total: how many steps there are.
        description: what is running, e.g. "Training sentiment model".
        enabled: False shows nothing.
    """

    def __init__(self, total: int, description: str, *, enabled: bool = True):
        self.total, self.description, self.enabled = total, description, enabled
        self.done = 0
        self._handle = None

    def _line(self, message: str) -> str:
        return f"{self.description}: step {self.done}/{self.total} ({message})"

    def show(self, message: str) -> None:
        """Show ``message`` for the current step without counting a step."""
        if not self.enabled:
            return
        line = self._line(message)
        path = os.environ.get(PROGRESS_FILE_ENV)
        if path:
            with open(path, "a", encoding="utf-8") as relay:
                relay.write(line + "\n")
        elif _kernel_shell() is not None:
            from IPython.display import display  # noqa: PLC0415 (IPython: only in a kernel; the module also imports without it)

            if self._handle is None:
                self._handle = display({"text/plain": line}, raw=True, display_id=True)
            else:
                self._handle.update({"text/plain": line}, raw=True)
        else:
            logger.info(line)

    def step(self, message: str) -> None:
        """Count one step done and show what comes next (or what was done)."""
        self.done = min(self.done + 1, self.total)
        self.show(message)

    def close(self) -> None:
        """Blank the status line (notebooks keep no trace of the progress)."""
        if self._handle is not None:
            self._handle.update({"text/plain": ""}, raw=True)
            self._handle = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
