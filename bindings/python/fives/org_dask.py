"""An organisation rolled up on a Dask cluster.

The journals are read on the workers, in batches: each batch gives its
partials for the period (:func:`fives.partials_of`, the foldable form of
:meth:`fives.Org.partial`: a journal that does not load becomes an
exclusion, as in a single process). The partials are folded on the workers
in a tree (:func:`fives.fold_partials`, ``split_every`` at a time), and only
the folded partials come back to the client, which rolls them up
(:meth:`fives.Org.rollup`). Folding gives the same bytes in any order, so
the result is byte for byte the single-process rollup of the same journals::

    from dask.distributed import Client
    import fives
    from fives import org_dask

    client = Client("tcp://scheduler:8786")
    org = fives.Org.from_file("org.textproto")
    rollup = org_dask.rollup(client, org, paths,
                             (date(2026, 1, 1), date(2026, 6, 30)))

Journals are file paths, read by the workers (so every worker must see
them, at the same paths: a shared file system), or ``(name, bytes)`` pairs
of a journal file's bytes, sent from the client. The workers need the
``fives`` package and libfives (``pip install`` with the library in the
package, or ``FIVES_LIBRARY``); this module itself uses nothing of Dask but
the client it is given.

Journals and partials cross the cluster's network: they hold each team's
counts and who answered, so a cluster outside one machine should use TLS
(``tls://`` addresses with a ``distributed.security.Security``) and workers
that only the journals' keepers can reach.
"""

from __future__ import annotations

import os
from typing import Any, List, Optional, Sequence, Tuple

from .org import (JournalLike, Org, OrgRollup, Period, PeriodLike,
                  fold_partials, partials_of)

__all__ = ["partials", "rollup"]

# The periods of one computation, as plain tuples of dates (cheap to send).
_Periods = Tuple[Period, ...]


def _batch_partials(batch: Sequence[JournalLike],
                    periods: _Periods) -> Tuple[bytes, ...]:
    """On a worker: the partials of one batch of journals, per period."""
    read = [_read(j) for j in batch]
    return tuple(partials_of(read, p, threads=1) for p in periods)


def _read(journal: JournalLike) -> Tuple[str, bytes]:
    if isinstance(journal, tuple):
        name, data = journal
        return name, bytes(data)
    path = os.fspath(journal)
    with open(path, "rb") as f:
        return os.path.basename(path), f.read()


def _fold(parts: List[Tuple[bytes, ...]]) -> Tuple[bytes, ...]:
    """On a worker: several partials (per period) folded into one."""
    folded = list(parts[0])
    for part in parts[1:]:
        folded = [fold_partials(a, b) for a, b in zip(folded, part)]
    return tuple(folded)


def _check_journal(journal: Any, i: int) -> JournalLike:
    if isinstance(journal, tuple):
        if (len(journal) != 2 or not isinstance(journal[0], str) or
                not isinstance(journal[1], (bytes, bytearray, memoryview))):
            raise TypeError(f"journals[{i}]: expected a path or a "
                            f"(name, bytes) pair")
        return (journal[0], bytes(journal[1]))
    if isinstance(journal, (str, os.PathLike)):
        return os.fspath(journal)
    raise TypeError(f"journals[{i}]: expected a path or a (name, bytes) "
                    f"pair, got {type(journal).__name__}")


def _positive(value: Any, field: str, least: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{field}: expected int, got {type(value).__name__}")
    if value < least:
        raise ValueError(f"{field}: {value} is less than {least}")
    return value


def _partials(client: Any, journals: Sequence[JournalLike], periods: _Periods,
              batch_size: int, split_every: int) -> Tuple[bytes, ...]:
    if isinstance(journals, (str, bytes, os.PathLike)):
        raise TypeError(f"journals: expected a list of journals, got "
                        f"{type(journals).__name__}")
    items = [_check_journal(j, i) for i, j in enumerate(journals)]
    batch_size = _positive(batch_size, "batch_size", 1)
    split_every = _positive(split_every, "split_every", 2)
    if not items:
        return tuple(partials_of([], p) for p in periods)
    level = [
        client.submit(_batch_partials, items[i:i + batch_size], periods,
                      pure=False)
        for i in range(0, len(items), batch_size)
    ]
    while len(level) > 1:
        level = [
            client.submit(_fold, level[i:i + split_every], pure=False)
            for i in range(0, len(level), split_every)
        ]
    result: Tuple[bytes, ...] = level[0].result()
    return result


def partials(client: Any, journals: Sequence[JournalLike], period: PeriodLike,
             *, batch_size: int = 50, split_every: int = 8) -> bytes:
    """The partials of ``journals`` for ``period``, computed on the cluster
    of ``client`` (a ``dask.distributed.Client``): the serialized
    fives.v1.OrgPartials that :func:`fives.partials_of` gives for the same
    journals in one process, byte for byte.

    ``batch_size`` journals are read per task; ``split_every`` partials are
    folded per task of the tree.
    """
    return _partials(client, journals, (Period.of(period),), batch_size,
                     split_every)[0]


def rollup(client: Any, org: Org, journals: Sequence[JournalLike],
           period: PeriodLike, *, earlier: Optional[PeriodLike] = None,
           strict: bool = True, batch_size: int = 50,
           split_every: int = 8) -> OrgRollup:
    """The rollup of ``journals`` over ``org`` for ``period``: the partials
    computed and folded on the cluster of ``client``, rolled up here.

    ``earlier``: an earlier period whose rollup readers have seen; its
    partials are computed from the same journals in the same pass, and
    differencing between the two periods is held back (see
    :meth:`fives.Org.rollup`). The result is byte for byte
    ``org.rollup(fives.partials_of(journals, period), ...)``.
    """
    if not isinstance(org, Org):
        raise TypeError(f"org: expected fives.Org, got {type(org).__name__}")
    periods: _Periods = (Period.of(period),)
    if earlier is not None:
        periods += (Period.of(earlier, "earlier"),)
    parts = _partials(client, journals, periods, batch_size, split_every)
    return org.rollup(parts[0], earlier=parts[1] if earlier else None,
                      strict=strict)
