"""The exceptions of fives: one class per status code of the C library.

Every error the library reports becomes an instance of the class keyed by its
code (the values of ``absl::StatusCode``), carrying the library's message::

    try:
        journal.add_member("anna", "Anna", date(2026, 1, 5))
    except fives.AlreadyExists as e:
        print(e.code, e.message)

The message is English, for developers and logs. A refusal a person can
cause by what they type (a date, a score, a member) also carries a detail,
from which :meth:`Error.text` writes it for people, in English or Dutch::

    except fives.InvalidArgument as e:
        print(e.text("nl"))  # "2027-02-30" is geen datum: februari 2027 ...

All of them derive from :class:`fives.Error`. :class:`InvalidArgument` is also
a :class:`ValueError`. A code this package does not know (codes may be added)
raises :class:`fives.Error` itself with that code.
"""

from __future__ import annotations

import enum
import json
from typing import Any, Dict, Optional, Tuple, Type

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
    plain int the library returned); ``message`` is the library's message in
    English, also what ``str(error)`` gives. ``detail`` is what a refusal a
    person can cause says in any language (a dict, the proto3 JSON mapping
    of fives.v1.ErrorDetail: ``{"code": "ERROR_CODE_DATE_DAYS_IN_MONTH",
    "args": [...]}``), None for one only a program can cause;
    ``detail_code`` the name of its code ("" without); :meth:`text` the
    refusal for people in a language.

    ``error`` is the failure as the library gave it, a serialized
    fives.v1.Error (its code, message and detail), read right after the
    failed call; None for errors Python raises itself.
    """

    code: int = StatusCode.UNKNOWN

    def __init__(self, message: str = "", code: Optional[int] = None,
                 error: Optional[bytes] = None,
                 detail: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.message = message
        self.error = error
        # For an error the package raises itself (error is None): its
        # fives.v1.ErrorDetail as a dict, so text() writes it too.
        self._detail = detail
        self._message: Optional[Dict[str, Any]] = None
        if code is not None:
            try:
                self.code = StatusCode(code)
            except ValueError:
                self.code = code

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Tuple[Any, ...]:
        # The code and the library's failure survive pickling (a dask
        # worker's error on the client).
        return (_rebuild, (type(self), self.message, int(self.code),
                           self.error, self._detail))

    def to_message(self) -> Dict[str, Any]:
        """The failure as a dict, the proto3 JSON mapping of fives.v1.Error:
        ``status`` (the code), ``message`` and, with a detail, ``detail``.
        """
        if self._message is None:
            if self.error is not None:
                from .messages import message_to_dict  # imports _ffi
                self._message = message_to_dict("fives.v1.Error", self.error)
            else:
                self._message = {"status": int(self.code)}
                if self.message:
                    self._message["message"] = self.message
                if self._detail is not None:
                    self._message["detail"] = dict(self._detail)
        return dict(self._message)

    @property
    def detail(self) -> Optional[Dict[str, Any]]:
        """The fives.v1.ErrorDetail as a dict, or None."""
        detail = self.to_message().get("detail")
        return dict(detail) if isinstance(detail, dict) else None

    @property
    def detail_code(self) -> str:
        """The name of the detail's code ("ERROR_CODE_DATE_FORM"), or ""."""
        detail = self.detail
        code = detail.get("code", "") if detail is not None else ""
        return code if isinstance(code, str) else ""

    def text(self, language: str = "en") -> str:
        """The refusal for people in ``language`` ("en" or "nl"): the
        detail's phrase with its arguments filled in, or the message when
        there is no detail. :class:`InvalidArgument` for another language.
        """
        from . import _ffi  # _ffi imports this module
        tag = _ffi.text_arg(language, "language")
        if self.error is not None:
            data, fmt = self.error, _ffi.FORMAT_BINARY
        else:
            data = json.dumps(self.to_message()).encode("utf-8")
            fmt = _ffi.FORMAT_JSON
        text = _ffi.call_buffer(_ffi.lib().fives_error_text, data, len(data),
                                fmt, tag)
        return text.decode("utf-8")


def _rebuild(cls: Type["Error"], message: str, code: int,
             error: Optional[bytes],
             detail: Optional[Dict[str, Any]] = None) -> "Error":
    """An unpickled error: ``cls`` with its message, code and failure."""
    obj = cls.__new__(cls)
    Error.__init__(obj, message, code, error, detail)
    return obj


class Cancelled(Error):
    code = StatusCode.CANCELLED


class Unknown(Error):
    code = StatusCode.UNKNOWN


class InvalidArgument(Error, ValueError):
    """A bad value: also a ValueError."""

    code = StatusCode.INVALID_ARGUMENT


def refused(message: str, code: str, *args: Any) -> InvalidArgument:
    """An InvalidArgument the package raises itself, before it calls the
    library, with the detail ``code`` (an ErrorCode name) so that
    :meth:`Error.text` writes it in any language: ``args`` fill the
    phrase's $0, $1, ... (a str or int as it is; a dict as an ErrorArg,
    e.g. ``{"pillar": 2}``)."""
    return InvalidArgument(message, detail={
        "code": code,
        "args": [a if isinstance(a, dict) else {"text": str(a)}
                 for a in args]})


def text_position(text: str, index: int) -> int:
    """The byte of the character ``index`` of ``text`` in UTF-8, as the
    library counts positions in a text."""
    return len(text[:index].encode("utf-8", "surrogatepass"))


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

    def text(self, language: str = "en") -> str:
        """The message: without the library there is no other text."""
        return self.message


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


def error_for_code(code: int, message: str,
                   error: Optional[bytes] = None) -> Error:
    """The exception for a non-zero status code of the library, with its
    message and, when given, the failure as a serialized fives.v1.Error.

    A code without a class of its own (one added after this package was
    written) gives a plain :class:`Error` carrying that code.
    """
    cls = _CLASSES.get(code)
    if cls is None:
        return Error(message, code, error)
    return cls(message, error=error)
