"""The 5S catalog: every pillar's texts in Dutch and English."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Tuple

from . import _ffi
from ._message import Message
from .enums import Pillar, PillarLike, pillar_arg

__all__ = ["PillarTexts", "CatalogPillar", "Phrase", "Catalog", "catalog",
           "pillar_texts"]


@dataclass(frozen=True)
class PillarTexts(Message):
    """The texts of one pillar in one language (fives.v1.PillarTexts)."""

    language: str = ""
    name: str = ""
    summary: str = ""
    topics: Tuple[str, ...] = ()
    warning_signals: Tuple[str, ...] = ()
    practices: Tuple[str, ...] = ()


@dataclass(frozen=True)
class CatalogPillar(Message):
    """One pillar of the catalog (fives.v1.CatalogPillar): its key
    ('strategy', ...) and its texts, one per language."""

    pillar: Pillar
    key: str = ""
    texts: Tuple[PillarTexts, ...] = ()

    def in_language(self, language: str) -> PillarTexts:
        """The texts in ``language`` ('en' or 'nl'; KeyError if none)."""
        for texts in self.texts:
            if texts.language == language:
                return texts
        raise KeyError(language)


@dataclass(frozen=True)
class Phrase(Message):
    """A phrase of the library in every language (fives.v1.Phrase), by its
    key ("label_split")."""

    key: str = ""
    nl: str = ""
    en: str = ""


@dataclass(frozen=True)
class Catalog(Message):
    """The 5S catalog (fives.v1.Catalog): the five pillars in order and the
    library's phrases."""

    pillars: Tuple[CatalogPillar, ...] = ()
    phrases: Tuple[Phrase, ...] = ()

    def pillar(self, pillar: PillarLike) -> CatalogPillar:
        """The catalog's ``pillar`` (a Pillar, 1..5, 'strategy', ...)."""
        p = pillar_arg(pillar)
        for entry in self.pillars:
            if entry.pillar == p:
                return entry
        raise KeyError(p.key)

    def phrase(self, key: str) -> Phrase:
        """The phrase ``key`` (KeyError if none)."""
        for phrase in self.phrases:
            if phrase.key == key:
                return phrase
        raise KeyError(key)


def catalog() -> Catalog:
    """The whole catalog; ``catalog().to_message()`` is the proto3 JSON
    mapping of fives.v1.Catalog: ``{"pillars": [{"pillar", "key", "texts":
    [...]}], "phrases": [...]}``."""
    lib = _ffi.lib()
    return Catalog.from_message(json.loads(
        _ffi.call_buffer(lib.fives_catalog, _ffi.FORMAT_JSON)))


def pillar_texts(pillar: PillarLike, language: str = "en") -> PillarTexts:
    """One pillar's name, summary, topics, warning signals and practices in
    ``language`` ('en' or 'nl'; another tag raises InvalidArgument)."""
    p = pillar_arg(pillar)
    lang = _ffi.text_arg(language, "language")
    lib = _ffi.lib()
    data = _ffi.call_buffer(lib.fives_pillar_texts, int(p), lang,
                            _ffi.FORMAT_JSON)
    return PillarTexts.from_message(json.loads(data))
