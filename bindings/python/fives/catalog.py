"""The 5S catalog: every pillar's texts in Dutch and English."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Tuple

from . import _ffi
from .enums import PillarLike, pillar_arg

__all__ = ["PillarTexts", "catalog", "pillar_texts"]


@dataclass(frozen=True)
class PillarTexts:
    """The texts of one pillar in one language (fives.v1.PillarTexts)."""

    language: str
    name: str
    summary: str
    topics: Tuple[str, ...]
    warning_signals: Tuple[str, ...]
    practices: Tuple[str, ...]

    @classmethod
    def from_message(cls, message: Dict[str, Any]) -> "PillarTexts":
        return cls(
            language=message.get("language", ""),
            name=message.get("name", ""),
            summary=message.get("summary", ""),
            topics=tuple(message.get("topics", ())),
            warning_signals=tuple(message.get("warning_signals", ())),
            practices=tuple(message.get("practices", ())),
        )


def catalog() -> Dict[str, Any]:
    """The whole catalog as the proto3 JSON mapping of fives.v1.Catalog:
    ``{"pillars": [{"pillar", "key", "texts": [...]}], "phrases": [...]}``."""
    lib = _ffi.lib()
    message: Dict[str, Any] = json.loads(
        _ffi.call_buffer(lib.fives_catalog, _ffi.FORMAT_JSON))
    return message


def pillar_texts(pillar: PillarLike, language: str = "en") -> PillarTexts:
    """One pillar's name, summary, topics, warning signals and practices in
    ``language`` ('en' or 'nl'; another tag raises InvalidArgument)."""
    p = pillar_arg(pillar)
    lang = _ffi.text_arg(language, "language")
    lib = _ffi.lib()
    data = _ffi.call_buffer(lib.fives_pillar_texts, int(p), lang,
                            _ffi.FORMAT_JSON)
    return PillarTexts.from_message(json.loads(data))
