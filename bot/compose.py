"""Extractive answers: picks the guide's own sentences (or table rows) that answer the question."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge import Knowledge
from bot.language.vocabulary import VOCABULARY
from bot.prompts import AnswerTexts
from bot.query import Query, models_named
from bot.retrieval import Retrieval
from bot.tables import row_claim_text, with_article
from bot.text_match import MODEL_WORD_STEMS, content_terms, stem
from ingest.chunking import Chunk
from ingest.sentence_roles import without_publisher_frame

MAX_SENTENCES = 3
MAX_LIST_ITEMS = 6
WEAK_MATCH = 0.55  # below this, a sentence sharing no topic word with the question does not answer it
KEEP_RATIO = 0.85  # a sentence joins the answer if it scores this close to the best one
SECTION_KEEP_RATIO = 0.65  # looser when the question names one section (its sentences belong together)
_STEP_LABEL = re.compile(r"^[A-Z][\w’' &/-]{2,40}:\s+(?=[A-Z])")
_CONDITIONAL_LEAD = re.compile(r"\b(if|when|to|for)\s*:$", re.IGNORECASE)
_CHOOSE_IF = re.compile(
    r"^(?:(?:you )?choose (?:a|an) \w+|(?:a|an) \w+ (?:model )?is (?:ideal|best|a good fit)) (?:if|when)\b",
    re.IGNORECASE,
)
# the same rule put the other way round, maybe under a label ("Risk & liability: If you want to share
# responsibility for payroll taxes…, go with a PEO.", "If you already have an HR team…, an ASO model makes
# more sense.")
_IF_YOU_CHOOSE = re.compile(
    r"^(?:[a-z &]{2,30}:\s+)?if you\b[^.;]*?,\s*(?:(?:go with|choose|pick|opt for)\s+(?:a|an)\s+\w+"
    r"|(?:a|an)\s+\w+(?:\s+model)?\s+(?:makes more sense|is the better fit))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """One statement of the answer, with the verbatim text that supports it."""

    text: str
    chunk: Chunk
    quote: str


@dataclass
class Draft:
    claims: list[Claim] = field(default_factory=list)
    lead: str | None = None
    as_list: bool = False
    weak: bool = False  # nothing picked shares a word of the question's topic or matches it closely
    groups: list[tuple[str, list[Claim]]] = field(default_factory=list)  # titled lists (pros, cons)
    focus: tuple[str, ...] = ()  # the model the answer names (a which-question's side), for "the other one"
    inline: bool = False  # a list run on in one line, its items apart by ';' ("…, like one line")


LABEL_WORDS = 4  # a list item's lead before a colon, this short, names it


def item_label(text: str) -> str | None:
    """The name a list item leads with ("Benefits administration" of "Benefits administration: You
    maintain…"), else None."""
    label, colon, _ = text.partition(":")
    return label.strip() if colon and 0 < len(label.split()) <= LABEL_WORDS else None


def compose(
    query: Query,
    found: Retrieval,
    kb: Knowledge,
    texts: AnswerTexts,
    *,
    roomy: bool = False,
    conditions: bool = True,
) -> Draft:
    """The claims that answer the query, best first; empty when nothing in the guide answers it.
    roomy: a list was asked for, so more sentences may join; conditions: when to choose a model
    ("Choose an ASO if: …") may answer (not when the question asks what a model does)."""
    chunks = [kb.chunk(h.chunk_id) for h in found.hits]
    asked = [c for c in kb.section_chunks(found.section) if not c.promotional]
    draft = (
        _table_column(query, asked + chunks[:5], kb, texts)
        or (
            _sentences(query, found, asked, kb, in_order=True, roomy=roomy, conditions=conditions)
            if asked
            else None
        )
        or _sentences(query, found, chunks, kb, roomy=roomy, conditions=conditions)
    )
    if draft.claims and draft.claims[0].chunk.promotional:
        # The publisher's pitch never leads: another claim goes first, or the lead says whose words they are.
        others = [c for c in draft.claims if not c.chunk.promotional]
        if others:
            draft.claims = others + [c for c in draft.claims if c.chunk.promotional]
        else:
            draft.lead = texts.publisher_lead
    if draft.claims and query.asks_figure and not any(re.search(r"\d", c.quote) for c in draft.claims):
        draft.lead = texts.no_figure
    return draft


def _sentences(
    query: Query,
    found: Retrieval,
    chunks: list[Chunk],
    kb: Knowledge,
    *,
    in_order: bool = False,
    roomy: bool = False,
    conditions: bool = True,
) -> Draft:
    """The best few sentences of the chunks; in_order keeps the guide's order (one section asked)."""
    if not chunks:
        return Draft()
    top_score = found.hits[0].score if found.hits else 1.0
    rank_weight = {h.chunk_id: 0.6 + 0.4 * h.score / top_score for h in found.hits}
    most = MAX_SENTENCES + 2 if roomy else MAX_SENTENCES
    scored: list[tuple[float, int, Chunk, str]] = []
    dense: dict[str, float] = {}
    for rank, chunk in enumerate(chunks if in_order else chunks[:5]):
        for row in kb.sentence_rows.get(chunk.id, []):
            sentence = standing(kb, row)
            if not sentence or not _about_asked_models(query, kb, chunk, sentence):
                continue
            if not conditions and is_condition(chunk, sentence):
                continue
            dense[sentence] = float(found.sentence_scores[row])
            rel = dense[sentence] + 0.5 * _overlap(query, sentence, chunk)
            # One section asked: its opening explains it best, so earlier chunks weigh more.
            weight = max(0.5, 1.0 - 0.05 * rank) if in_order else rank_weight.get(chunk.id, 0.6)
            scored.append((rel * weight, rank, chunk, sentence))
    if not scored:
        return Draft()
    scored.sort(key=lambda t: (-t[0], t[1]))
    # The best-ranked chunk leads: retrieval fused more evidence than one sentence's similarity holds.
    lead = next(t for t in scored if t[1] == min(t[1] for t in scored))
    best = scored[0][0]
    whole_faq = in_order and len(chunks) == 1 and chunks[0].kind == "faq" and len(scored) <= most
    keep = 0.0 if whole_faq else (SECTION_KEEP_RATIO if in_order or roomy else KEEP_RATIO)
    picked: list[tuple[Chunk, str]] = [(lead[2], lead[3])]
    for score, _, chunk, sentence in scored:
        if score < keep * best or len(picked) >= most:
            break
        if not any(similar(sentence, s) or sentence in s or s in sentence for _, s in picked):
            picked.append((chunk, sentence))
    if in_order:
        picked = _bridged(picked, kb, most)
        picked.sort(key=lambda p: (chunks.index(p[0]), p[0].body.find(p[1])))
    claims = [Claim(_render(chunk, sentence, query), chunk, sentence) for chunk, sentence in picked]
    topic = {*query.terms, *query.related} - MODEL_WORD_STEMS
    weak = (
        not in_order
        and bool(topic)
        and not any(topic & set(content_terms(f"{s} {c.context}")) for c, s in picked)
        and max(dense[s] for _, s in picked) < WEAK_MATCH
    )
    return Draft(
        claims=claims, as_list=sum(c.kind in ("list_item", "table_row") for c, _ in picked) > 1, weak=weak
    )


def _bridged(picked: list[tuple[Chunk, str]], kb: Knowledge, most: int) -> list[tuple[Chunk, str]]:
    """Within one passage, also take the content sentences between two picked ones, so it reads as written."""
    out = list(picked)
    for chunk in {c.id: c for c, _ in picked}.values():
        rows = kb.sentence_rows.get(chunk.id, [])
        texts = [standing(kb, r) for r in rows]
        at = [i for i, t in enumerate(texts) if t and any(c.id == chunk.id and s == t for c, s in picked)]
        if len(at) >= 2:
            gap = [
                (chunk, t)
                for i in range(min(at), max(at))
                if (t := texts[i]) and (chunk, t) not in out and not any(t in s or s in t for _, s in out)
            ]
            if len(out) + len(gap) <= most + 1:
                out += gap
    return out


def standing(kb: Knowledge, row: int, *, faq_opening: bool = True) -> str | None:
    """A content sentence as it can stand in an answer: one that leans on the sentence before it comes
    with that sentence (when that one is content too), else not at all. faq_opening: an FAQ answer's
    first sentence may lean on its question heading, which the citation names."""
    if kb.roles[row] != "content":
        return None
    text = kb.units.texts[row]
    if not kb.leans[row]:
        return text
    rows = kb.sentence_rows.get(kb.units.chunk_ids[row], [])
    at = rows.index(row) if row in rows else 0
    if at == 0 and faq_opening and kb.chunk(kb.units.chunk_ids[row]).kind == "faq":
        return text
    if at == 0 or kb.roles[rows[at - 1]] != "content" or kb.leans[rows[at - 1]]:
        return None
    return f"{kb.units.texts[rows[at - 1]]} {text}"


def _table_column(query: Query, chunks: list[Chunk], kb: Knowledge, texts: AnswerTexts) -> Draft | None:
    """'pros of X' style questions: the asked column of the best-matching table, row by row."""
    top, asked, wanted = None, [], {*query.terms, *query.related}
    for chunk in chunks:
        if chunk.kind == "table_row" and _table_about_asked_models(query, chunk):
            first = 1 if _first_column_labels(chunk) else 0  # a column of row names is not asked for
            asked = [i for i, h in enumerate(chunk.header) if i >= first and stem(h.lower()) in wanted]
            if asked:
                top = chunk
                break
    if top is None:
        return None
    rows = [c for c in kb.section_chunks((top.doc_id, top.anchor)) if c.context == top.context]
    whole = len(asked) == len(top.header)
    claims = [
        Claim(
            row_claim_text(row, models=query.models, terms=wanted)
            if whole
            else "; ".join(row.cells[i] for i in asked if i < len(row.cells)),
            row,
            row.body,
        )
        for row in rows[:MAX_LIST_ITEMS]
    ]
    column = " and ".join(top.header[i].lower() for i in asked)
    lead = texts.fill("column_lead", column=column, caption=top.context.split(" | ")[0], section=top.section)
    return Draft(claims=claims, lead=lead, as_list=True)


def _render(chunk: Chunk, sentence: str, query: Query) -> str:
    """How a sentence reads in the answer: table rows as sentences, list items as prose."""
    if chunk.kind == "table_row" and chunk.cells:
        return row_claim_text(chunk, models=query.models, terms={*query.terms, *query.related})
    return render_sentence(chunk, sentence)


_OPENING_PRONOUN = re.compile(r"(?:They|It) (?=[a-z])")


def render_sentence(chunk: Chunk, sentence: str) -> str:
    """A list item reads as prose: with its conditional lead-in ("Choose a PEO if you…"), and without
    the label a step carries ("Payroll administration: The PEO runs…" → "The PEO runs…"); a sentence
    without the publisher's frame ("In our experience…, the key differences…" → "The key differences…")."""
    if chunk.kind != "list_item" or not chunk.body.startswith(sentence):
        return without_publisher_frame(sentence)
    if conditional_lead(chunk.context):
        return f"{chunk.context.rstrip(':')} {sentence[:1].lower()}{sentence[1:]}"
    labelled = _STEP_LABEL.match(sentence)
    text = sentence[labelled.end() :] if labelled else sentence
    # "HR expertise: They provide handbooks…" under "How does a PEO work?" → "With a PEO, they provide…"
    models = models_named(f"{chunk.section} {chunk.context}")
    if len(models) == 1 and _OPENING_PRONOUN.match(text):
        return f"With {with_article(models[0])}, {text[:1].lower()}{text[1:]}"
    return text


def conditional_lead(lead_in: str) -> bool:
    """A list's lead-in that makes its items conditions ('Choose a PEO if:')."""
    return bool(_CONDITIONAL_LEAD.search(lead_in.strip()))


def is_condition(chunk: Chunk, sentence: str) -> bool:
    """When to choose a model ('Choose an ASO if you…', an item under 'Choose a PEO if:'), not what
    the model does."""
    if chunk.kind == "list_item" and conditional_lead(chunk.context):
        return True
    return bool(_CHOOSE_IF.match(sentence) or _IF_YOU_CHOOSE.match(sentence))


def _first_column_labels(chunk: Chunk) -> bool:
    """Wide tables, or two-column ones whose first cells are short names, are read row by row."""
    if len(chunk.header) >= 3:
        return True
    return len(chunk.cells) == 2 and len(chunk.cells[0].split()) <= 3


def _about_asked_models(query: Query, kb: Knowledge, chunk: Chunk, sentence: str) -> bool:
    """A sentence that speaks only of other models does not answer about these (an ASO's pro "Lower
    cost than a PEO" says nothing of what a PEO does)."""
    named = kb.models_of(chunk, sentence)
    return not query.models or not named or bool(set(named) & set(query.models))


def _table_about_asked_models(query: Query, chunk: Chunk) -> bool:
    named = set(models_named(f"{chunk.section} {chunk.context}"))
    return not query.models or not named or bool(named & set(query.models))


def _overlap(query: Query, sentence: str, chunk: Chunk) -> float:
    """Share of the question's words in the sentence (or its context); related words count half."""
    terms, related = set(query.terms), set(query.related)
    if not terms:
        return 0.0
    have = set(content_terms(f"{sentence} {chunk.context}"))
    return (len(terms & have) + 0.5 * len(related & have)) / len(terms)


def similar(a: str, b: str) -> bool:
    """Two sentences that share most of their words say the same thing (a model's name spelled out is
    its short name: "An Administrative Services Organization (ASO) is another type of…" is not "The ASO
    simply provides administrative services…")."""
    wa, wb = (set(content_terms(VOCABULARY.short_named(t))) for t in (a, b))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.7
