"""The one pool of worker processes of a build: it starts its workers, hands out tasks and ends them.

It owns its workers (``multiprocessing.Process`` objects it keeps), so stopping a build ends
them by their handles, never through another library's private attributes. Each worker runs
``initializer(*initargs)`` once, then tasks one at a time; results come back in the order they
finish. A worker that dies (killed, out of memory) raises :class:`WorkerDied` in the build.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator

from kreport.errors import BuildError

__all__ = ["WorkerPool", "WorkerDied"]


class WorkerDied(BuildError):
    """A worker process ended while it held a task."""


def _work(initializer, initargs, tasks, results) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build decides what an interrupt ends
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the build's handler: a worker told to end, ends
    if initializer is not None:
        initializer(*initargs)
    while True:
        item = tasks.get()
        if item is None:
            return
        index, function, argument = item
        results.put(("start", index, None))
        try:
            results.put(("done", index, function(argument)))
        except Exception as exc:  # noqa: BLE001 - handed back to the build, which decides
            results.put(("error", index, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))


class WorkerPool:
    """``workers`` processes running ``initializer(*initargs)`` then tasks; a context manager that ends them all."""

    def __init__(self, workers: int, initializer: Callable | None = None, initargs: tuple = ()):
        context = mp.get_context("fork")
        self._tasks, self._results = context.SimpleQueue(), context.Queue()
        self._workers = [context.Process(target=_work, args=(initializer, initargs, self._tasks, self._results),
                                         daemon=True) for _ in range(max(1, workers))]
        for worker in self._workers:
            worker.start()

    def map_unordered(self, function: Callable, items: Iterable) -> Iterator[tuple[object, object]]:
        """``(item, function(item))`` for every item, as each finishes. A task's exception is raised here."""
        items = list(items)
        for index, item in enumerate(items):
            self._tasks.put((index, function, item))
        running: set[int] = set()
        left = len(items)
        while left:
            try:
                kind, index, value = self._results.get(timeout=0.5)
            except queue.Empty:
                if any(not w.is_alive() for w in self._workers):
                    raise WorkerDied("a worker process of the build died (killed, or out of memory)") from None
                continue
            if kind == "start":
                running.add(index)
                continue
            running.discard(index)
            left -= 1
            if kind == "error":
                raise BuildError(f"a worker failed: {value}")
            yield items[index], value

    def close(self, now: bool = False) -> None:
        """End every worker: told to stop once idle (or at once, ``now``), terminated if still busy, then killed."""
        for _ in self._workers if not now else ():
            try:
                self._tasks.put(None)
            except (OSError, ValueError):
                break
        for worker in self._workers:
            worker.join(timeout=0.2)
        for worker in self._workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self._workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.kill()
                worker.join(timeout=5)
        self._results.close()
        self._results.join_thread()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind, *_) -> None:
        self.close(now=kind is not None)
