"""The build's fork server: one process that has imported everything a report kernel needs, forking a fresh kernel per notebook.

A kernel started the usual way pays for a Python start, IPython and ipykernel, then pandas,
matplotlib, seaborn, scipy, statsmodels and kreport: about 3.4 s of CPU for each page. This
process pays that once per build. For each notebook it forks a child that becomes an ipykernel
listening on the notebook's connection file: the child starts with those modules already
imported, and with no state of any other notebook (each notebook has a process of its own, which
ends with it).

    python -m kreport.publish._forkserver SOCKET [LABEL]

It answers each connection (a JSON line from :mod:`kreport.publish._kernel_proxy`) with the kernel's
pid. It dies with the build (``PR_SET_PDEATHSIG``, and when its standard input closes), and each
kernel dies with it and with its proxy.
"""

from __future__ import annotations

import importlib
import json
import os
import signal
import socket
import sys
import threading

# Everything the report notebooks import: the sections pull in the renderer, the statistics and their libraries.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "IPython", "matplotlib_inline.backend_inline",
           "kreport.render.report", "kreport.sections.brief", "kreport.sections.comparison",
           "kreport.sections.data", "kreport.sections.platform", "kreport.sections.trends",
           "kreport.publish.forecasts")
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _die_with_parent() -> None:
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _warm() -> None:
    """Import and touch what every page uses, so that no kernel pays for it."""
    for name in PRELOAD:
        importlib.import_module(name)
    from matplotlib.figure import Figure

    from kreport.render.templating import stylesheet

    stylesheet()
    figure = Figure(figsize=(1, 1))
    figure.add_subplot().plot([0, 1], [0, 1])
    import io

    figure.savefig(io.StringIO(), format="svg")


def _watch(conn: socket.socket) -> None:
    """End this kernel when its proxy's connection closes (the proxy was killed or exited)."""
    while True:
        try:
            data = conn.recv(64)
        except InterruptedError:
            continue
        except OSError:
            data = b""
        if not data:
            os._exit(0)


def _kernel(conn: socket.socket, request: dict) -> None:
    """In the forked child: become an ipykernel on the request's connection file. Never returns."""
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _die_with_parent()
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.chdir(request.get("cwd") or os.getcwd())
        threading.Thread(target=_watch, args=(conn,), daemon=True).start()
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance()
        app.initialize(["-f", request["connection_file"], *request.get("argv", [])])
        app.start()
    except BaseException as exc:  # noqa: BLE001 - a child of the fork server never returns into the server's loop
        import errno

        if getattr(exc, "errno", None) != errno.EADDRINUSE:  # a port taken meanwhile: the build starts another kernel
            import traceback

            traceback.print_exc()
        os._exit(1)
    os._exit(0)


def serve(path: str) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the build ends this server
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped by the system
    for name in BLAS_THREADS:  # one BLAS thread per kernel: the build already runs one per core
        os.environ[name] = "1"
    _warm()
    # The build closes our standard input when it ends, however it ends.
    threading.Thread(target=lambda: (sys.stdin.buffer.read(), os._exit(0)), daemon=True).start()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    # "@name" is a Linux abstract socket: no file anywhere, nothing left behind whatever ends the build.
    # It is bound only now, once the server is ready: a kernel asked for earlier waits for it.
    listener.bind("\0" + path[1:] if path.startswith("@") else path)
    listener.listen(64)
    while True:
        conn, _ = listener.accept()
        try:
            line = b""
            while not line.endswith(b"\n"):
                chunk = conn.recv(4096)
                if not chunk:
                    break
                line += chunk
            request = json.loads(line)
        except (OSError, ValueError):
            conn.close()
            continue
        pid = os.fork()
        if pid == 0:
            listener.close()
            _kernel(conn, request)
        try:
            conn.sendall(f"{pid}\n".encode())
        except OSError:
            pass
        conn.close()


if __name__ == "__main__":
    serve(sys.argv[1])
