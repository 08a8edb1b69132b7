"""One writer: an exclusive advisory lock file beside the store, plus an in-process lock."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tiaki.errors import StoreError


class WriterLock:
    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._thread_lock = threading.Lock()

    @contextmanager
    def hold(self, wait: bool = False) -> Iterator[None]:
        if not self._thread_lock.acquire(blocking=wait):
            raise StoreError("another writer in this process holds the store")
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
                try:
                    fcntl.flock(fd, flags)
                except BlockingIOError:
                    raise StoreError(
                        f"the store is being written by another process ({self.path})"
                    ) from None
                yield
            finally:
                os.close(fd)
        finally:
            self._thread_lock.release()
