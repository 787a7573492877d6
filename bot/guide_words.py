"""Word statistics of the guide's sentences, computed once per index and kept on the Knowledge: how many
sentences hold each word, how rare each word is, which words name a detail, and each sentence's words."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from bot.evidence import attribute_stems, statement_terms
from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY
from bot.query import english_words
from bot.text_match import MODEL_NAME_STEMS, stem

UNSEEN = ""  # a word the guide never uses weighs as much as an average one
DETAIL_SENTENCES = 3  # a word this few of the guide's sentences hold names a detail ...
COMMON_IN_ENGLISH = 5000  # ... unless English uses it this often (pyspellchecker's counts)
EVERYDAY_IN_ENGLISH = 100_000  # a word English uses this often ('even', 'pick') names no service of a model
_TOPIC_STEMS = frozenset(t for name in VOCABULARY.attributes for t in attribute_stems(name))
# chat shorthand ("admin", "mgmt") stands for the guide's everyday words, never for a detail
_SHORTHAND_STEMS = frozenset(stem(w) for w in VOCABULARY.everyday)


@dataclass(frozen=True)
class GuideWords:
    holding: Counter[str]  # how many content sentences (and stated myths) hold each word
    rarity: dict[str, float]  # log(sentences / sentences holding it); UNSEEN: the average
    not_details: frozenset[str]  # stems common in English, the attributes' words (topics), shorthand
    row_terms: list[frozenset[str]]  # the statement terms of every unit row
    rows_with: dict[str, tuple[int, ...]]  # the unit rows holding each word
    everyday: frozenset[str]  # stems of words English uses all the time

    @classmethod
    def of(cls, kb: Knowledge) -> GuideWords:
        """The knowledge's word statistics, built on first use and kept on it."""
        return kb.derived("guide_words", cls.build)

    @classmethod
    def build(cls, kb: Knowledge) -> GuideWords:
        row_terms = [frozenset(statement_terms(text)) for text in kb.units.texts]
        counted = [
            terms for terms, role in zip(row_terms, kb.roles, strict=True) if role in ("content", "myth")
        ]
        holding = Counter(t for terms in counted for t in terms)
        rarity = {t: math.log((len(counted) + 1) / n) for t, n in holding.items()}
        rarity[UNSEEN] = sum(rarity.values()) / len(rarity)
        english = english_words()
        common = frozenset(stem(w) for w in kb.vocabulary if english.get(w, 0) >= COMMON_IN_ENGLISH)
        rows_with: dict[str, list[int]] = {}
        for row, terms in enumerate(row_terms):
            for t in terms:
                rows_with.setdefault(t, []).append(row)
        frozen = {t: tuple(rows) for t, rows in rows_with.items()}
        everyday = frozenset(stem(w) for w in kb.vocabulary if english.get(w, 0) >= EVERYDAY_IN_ENGLISH)
        return cls(holding, rarity, common | _TOPIC_STEMS | _SHORTHAND_STEMS, row_terms, frozen, everyday)

    def said_only_of_others(self, kb: Knowledge, terms: set[str] | tuple[str, ...], model: str) -> set[str]:
        """The words of a question the guide says in a few sentences (see `specific`), when it says every
        one of them only of models other than the one asked ('training' is named only among an HRO's
        services: asked of an ASO, the guide does not say it); else none. Common English words count
        here: the test is whose sentences hold them."""
        specific = self.specific(terms)
        out = set()
        for t in specific:
            chunks = {r: kb.chunk(kb.units.chunk_ids[r]) for r in self.rows_with.get(t, ())}
            # (the publisher's pitch is no saying of a model: 'leading' there is no service of the EOR)
            rows = [r for r, c in chunks.items() if kb.roles[r] == "content" and not c.promotional]
            said_of = [kb.models_of(chunks[r], kb.units.texts[r]) for r in rows]
            if said_of and all(models and model not in models for models in said_of):
                out.add(t)
        return out if out == specific else set()

    def rare(self, terms: set[str] | tuple[str, ...]) -> set[str]:
        """The words the guide says in a few sentences only (DETAIL_SENTENCES), model names aside."""
        return {t for t in terms if 0 < self.holding.get(t, 0) <= DETAIL_SENTENCES} - MODEL_NAME_STEMS

    def specific(self, terms: set[str] | tuple[str, ...]) -> set[str]:
        """The words of a question the guide says in a few sentences only ('training', 'reporting',
        'COBRA'), however common in English, but no everyday word ('even'), topic or shorthand."""
        return self.rare(terms) - (_TOPIC_STEMS | _SHORTHAND_STEMS | self.everyday)

    def details(self, terms: set[str] | tuple[str, ...]) -> set[str]:
        """The words of a question that name a detail: ones the guide holds in a few sentences only and
        English rarely uses ('COBRA', 'eligibility', 'handbooks'), not a topic the guide speaks of
        throughout ("comp") nor a common word ('consider', 'pick', 'enter')."""
        return self.rare(terms) - self.not_details
