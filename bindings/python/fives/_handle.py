"""A handle of the C library owned by a Python object (internal).

The object frees its handle once: with :meth:`close`, at the end of a
``with`` block or when it is garbage collected. Calls on the handle hold
the object's lock, so one object may be shared by threads; calls after
``close`` raise :class:`fives.ClosedError`.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any, Callable, Optional, TypeVar

from .errors import ClosedError

_Self = TypeVar("_Self", bound="Handle")


class Handle:
    """Base of :class:`fives.Journal` and :class:`fives.Org`."""

    __slots__ = ("_handle", "_lock", "_free", "__weakref__")
    # The name in the ClosedError message ("journal: closed").
    _kind = "handle"

    def __init__(self, handle: ctypes.c_void_p,
                 free: Callable[[Any], None]) -> None:
        # `free` is kept on the instance so __del__ works at interpreter
        # shutdown.
        self._free = free
        self._lock = threading.Lock()
        self._handle: Optional[ctypes.c_void_p] = handle

    @property
    def closed(self) -> bool:
        return self._handle is None

    def close(self) -> None:
        """Frees the handle; later calls raise ClosedError. Idempotent."""
        with self._lock:
            handle, self._handle = self._handle, None
            if handle is not None:
                self._free(handle)

    def __enter__(self: _Self) -> _Self:
        self._require()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None:
            self._handle = None
            try:
                self._free(handle)
            except Exception:  # pragma: no cover - interpreter shutdown
                pass

    def _require(self) -> ctypes.c_void_p:
        handle = self._handle
        if handle is None:
            raise ClosedError(f"{self._kind}: closed")
        return handle
