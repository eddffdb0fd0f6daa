"""A time bound for local queries: ``--timeout`` for the store and graph files, on both engines.

Neither pyoxigraph (0.5) nor rdflib can bound a query themselves, so the query runs in a worker
thread and the caller waits at most ``seconds`` for it. pyoxigraph evaluates with the GIL released
and rdflib gives it up every few milliseconds, so the wait is honoured on both. On timeout the
caller gets one line (a :class:`QueryTimeout`); the worker is asked to stop (an asynchronous
``TimeoutError`` raised in it the next time it runs Python code: at once for rdflib, at the next
solution for pyoxigraph) and is a daemon thread, so it never keeps the process alive
(docs/decisions/028-local-query-timeout.md).

>>> within(5, "store", sum, [1, 2, 3])
6
>>> import time
>>> try:
...     within(0.05, "store", time.sleep, 2)
... except QueryTimeout as err:
...     print(err)
store: no answer within 0.05 s (--timeout)
"""

from __future__ import annotations

import ctypes
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from plankg.errors import InputError

T = TypeVar("T")


class QueryTimeout(InputError):
    """A local query ran past its time bound."""


def within(seconds: float | None, name: str, func: Callable[..., T], *args: Any) -> T:
    """``func(*args)``, or QueryTimeout when it has not returned within ``seconds``."""
    if seconds is None:
        return func(*args)
    outcome: list[Any] = []

    def work() -> None:
        try:
            outcome.append((True, func(*args)))
        except BaseException as err:  # handed to the caller's thread as it is
            # the frames' locals (pyoxigraph's solutions among them) must die in this thread:
            # pyoxigraph refuses to drop its objects on another one
            traceback.clear_frames(err.__traceback__)
            outcome.append((False, err))

    worker = threading.Thread(target=work, name=f"query on {name}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        _stop(worker)
        raise QueryTimeout(f"{name}: no answer within {seconds:g} s (--timeout)")
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def _stop(worker: threading.Thread) -> None:
    """Raise TimeoutError inside ``worker`` when it next runs Python code."""
    if worker.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(worker.ident), ctypes.py_object(TimeoutError)
        )
