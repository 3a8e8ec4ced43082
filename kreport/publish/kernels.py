"""The kernels notebooks run in: fresh ones (a new Python per page), or warm ones forked from the build's fork server.

papermill stays the executor and every notebook still gets a process of its own; with warm
kernels that process is forked from :mod:`kreport.publish._forkserver`, which imported pandas,
matplotlib, statsmodels, ipykernel and kreport once for the whole build, so a page no longer pays
for a Python start and its imports (about 3.4 s of CPU each).

Both managers skip jupyter_client's interrupt before a shutdown: the notebook has finished,
and that SIGINT is what printed "KeyboardInterrupt caught in kernel" in successful builds.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = ["DEFAULT_TIMEOUT", "ENGINES", "ForkServer", "fork_server", "manager_class", "runtime_dir"]

DEFAULT_TIMEOUT = 600  # seconds a single cell may run before the kernel counts as hung
ENGINES = ("warm", "fresh")


def runtime_dir(out_dir: Path) -> Path:
    """Where a build's kernels keep their connection files (removed when the build ends, and when the next starts)."""
    return Path(out_dir) / ".work-runtime"
_PROXY = Path(__file__).with_name("_kernel_proxy.py")


def manager_class(engine: str, server: str | None = None):
    """The kernel manager class papermill's client starts kernels with (``fresh``, or ``warm`` through ``server``)."""
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import default

    class QuietShutdown(AsyncKernelManager):
        @default("connection_file")
        def _connection_file_in_the_runtime_dir(self) -> str:
            # Without a name, jupyter_client writes the connection file (and its key) with mkstemp into
            # $TMPDIR, where nothing removes it after an interrupt; the build's runtime folder is removed.
            folder = jupyter_runtime_dir()
            os.makedirs(folder, mode=0o700, exist_ok=True)
            return os.path.join(folder, f"kernel-{secrets.token_hex(8)}.json")

        async def _async_interrupt_kernel(self) -> None:
            if self.shutting_down:  # the run is over: a shutdown request is enough
                return
            await super()._async_interrupt_kernel()

        interrupt_kernel = _async_interrupt_kernel

    if engine == "fresh":
        return QuietShutdown

    class Warm(QuietShutdown):
        @property
        def kernel_spec(self):
            if self._kernel_spec is None:
                self._kernel_spec = KernelSpec(
                    argv=[sys.executable, "-I", "-S", str(_PROXY), str(server), "{connection_file}"],
                    display_name="Python 3 (kreport, warm)", language="python", interrupt_mode="signal")
            return self._kernel_spec

    return Warm


class ForkServer:
    """A running fork server: its socket (a Linux abstract socket, "@name": no file), and the means to end it."""

    def __init__(self, process: subprocess.Popen, socket: str):
        self.process, self.socket = process, socket

    def close(self) -> None:
        if self.process.stdin:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)


@contextlib.contextmanager
def fork_server(label: str = "") -> Iterator[ForkServer]:
    """Start a fork server for the duration of a build. It imports in the background: kernels asked for
    before it is ready wait for its socket. ``label`` (the build's output folder) only names the server
    and its kernels in `ps`."""
    name = f"@kreport-kernels-{os.getpid()}-{secrets.token_hex(8)}"
    process = subprocess.Popen([sys.executable, "-m", "kreport.publish._forkserver", name, label],
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    server = ForkServer(process, name)
    try:
        yield server
    finally:
        server.close()
