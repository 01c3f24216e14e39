"""The exceptions of fives: one class per status code of the C library.

Every error the library reports becomes an instance of the class keyed by its
code (the values of ``absl::StatusCode``), carrying the library's message::

    try:
        journal.add_member("anna", "Anna", date(2026, 1, 5))
    except fives.AlreadyExists as e:
        print(e.code, e.message)

All of them derive from :class:`fives.Error`. :class:`InvalidArgument` is also
a :class:`ValueError`. A code this package does not know (codes may be added)
raises :class:`fives.Error` itself with that code.
"""

from __future__ import annotations

import enum
from typing import Dict, Optional, Type

__all__ = [
    "StatusCode",
    "Error",
    "Cancelled",
    "Unknown",
    "InvalidArgument",
    "DeadlineExceeded",
    "NotFound",
    "AlreadyExists",
    "PermissionDenied",
    "ResourceExhausted",
    "FailedPrecondition",
    "Aborted",
    "OutOfRange",
    "Unimplemented",
    "Internal",
    "Unavailable",
    "DataLoss",
    "Unauthenticated",
    "ClosedError",
    "LibraryError",
    "error_for_code",
]


class StatusCode(enum.IntEnum):
    """The status codes of the C ABI (FIVES_OK ... FIVES_UNAUTHENTICATED)."""

    OK = 0
    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


class Error(Exception):
    """Base class of every fives error.

    ``code`` is the status code (a :class:`StatusCode` when known, else the
    plain int the library returned); ``message`` is the library's message,
    also what ``str(error)`` gives.
    """

    code: int = StatusCode.UNKNOWN

    def __init__(self, message: str = "", code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            try:
                self.code = StatusCode(code)
            except ValueError:
                self.code = code

    def __str__(self) -> str:
        return self.message


class Cancelled(Error):
    code = StatusCode.CANCELLED


class Unknown(Error):
    code = StatusCode.UNKNOWN


class InvalidArgument(Error, ValueError):
    """A bad value: also a ValueError."""

    code = StatusCode.INVALID_ARGUMENT


class DeadlineExceeded(Error):
    code = StatusCode.DEADLINE_EXCEEDED


class NotFound(Error):
    code = StatusCode.NOT_FOUND


class AlreadyExists(Error):
    code = StatusCode.ALREADY_EXISTS


class PermissionDenied(Error):
    code = StatusCode.PERMISSION_DENIED


class ResourceExhausted(Error):
    code = StatusCode.RESOURCE_EXHAUSTED


class FailedPrecondition(Error):
    code = StatusCode.FAILED_PRECONDITION


class Aborted(Error):
    code = StatusCode.ABORTED


class OutOfRange(Error):
    code = StatusCode.OUT_OF_RANGE


class Unimplemented(Error):
    code = StatusCode.UNIMPLEMENTED


class Internal(Error):
    code = StatusCode.INTERNAL


class Unavailable(Error):
    code = StatusCode.UNAVAILABLE


class DataLoss(Error):
    code = StatusCode.DATA_LOSS


class Unauthenticated(Error):
    code = StatusCode.UNAUTHENTICATED


class ClosedError(FailedPrecondition, ValueError):
    """Use of a closed :class:`fives.Journal`.

    Raised by Python before any call into the library. It is a
    :class:`FailedPrecondition` and, like I/O on a closed file, a
    :class:`ValueError`.
    """


class LibraryError(Unavailable, OSError):
    """libfives could not be loaded (not found, wrong version, missing symbol).

    The message lists every path that was tried and why each failed.
    """

    def __init__(self, message: str) -> None:
        Error.__init__(self, message)


_CLASSES: Dict[int, Type[Error]] = {
    cls.code: cls
    for cls in (
        Cancelled,
        Unknown,
        InvalidArgument,
        DeadlineExceeded,
        NotFound,
        AlreadyExists,
        PermissionDenied,
        ResourceExhausted,
        FailedPrecondition,
        Aborted,
        OutOfRange,
        Unimplemented,
        Internal,
        Unavailable,
        DataLoss,
        Unauthenticated,
    )
}


def error_for_code(code: int, message: str) -> Error:
    """The exception for a non-zero status code of the library.

    A code without a class of its own (one added after this package was
    written) gives a plain :class:`Error` carrying that code.
    """
    cls = _CLASSES.get(code)
    if cls is None:
        return Error(message, code)
    return cls(message)
