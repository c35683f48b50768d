"""A time budget for one document: analysis that runs past it is stopped and the document is
skipped with a reason, never allowed to hang a run.

On the main thread (the local engine and its worker processes) SIGALRM interrupts the work. Off it
(Dask runs tasks in worker threads) a timer raises the same exception in the working thread through
CPython's PyThreadState_SetAsyncExc, at the same points a signal handler would run. No installed
library does better: timeout packages (func-timeout, stopit) use this same call, and running each
document in a child process is impossible in Dask's daemonic worker processes."""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading


class TimeBudgetExceeded(Exception):
    pass


def _on_alarm(signum, frame):
    raise TimeBudgetExceeded()


class _ThreadTimer:
    def __init__(self, budget_s: float):
        self.tid = threading.get_ident()
        self.lock = threading.Lock()
        self.done = False
        self.fired = False
        self.timer = threading.Timer(budget_s, self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self):
        with self.lock:
            if not self.done:
                self.fired = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid), ctypes.py_object(TimeBudgetExceeded))

    def cancel(self):
        with self.lock:
            self.done = True
            self.timer.cancel()
            if self.fired:  # raised already, or still pending: clear a pending one
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.tid), None)


@contextlib.contextmanager
def time_budget(seconds: float):
    """Raise TimeBudgetExceeded inside the block once `seconds` have passed (0 or less: no limit)."""
    if seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    else:
        timer = _ThreadTimer(seconds)
        try:
            yield
        finally:
            timer.cancel()
