"""Load and validate the rules table (rules.yaml) and its wording (prompts/recommendation.yaml)."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.contract import PROFILE_FIELDS, Fact, Profile
from bot.validated_yaml import parse_yaml

DEFAULT_RULES_PATH = Path(__file__).with_name("rules.yaml")
DEFAULT_PROMPTS_PATH = Path(__file__).resolve().parents[2] / "prompts" / "recommendation.yaml"

Side = Literal["PEO", "ASO"]
Route = Literal["HRO", "EOR"]

# Profile fields holding a number (compared with lt/lte/gt/gte); every other field is true/false.
NUMBER_FIELDS = frozenset(name for name, f in Profile.model_fields.items() if f.annotation == (int | None))
_DIGIT = re.compile(r"\d")


class RulesError(ValueError):
    """A rules table that cannot be used; the message names the file, the line and the reason."""


class PromptsError(ValueError):
    """A recommendation prompts file that cannot be used; the message names the file and the reason."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Comparison(_Strict):
    """Bounds on a number field; a bound is an integer or the name of a threshold."""

    lt: int | str | None = None
    lte: int | str | None = None
    gt: int | str | None = None
    gte: int | str | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Comparison:
        if not self.bounds():
            raise ValueError("a comparison needs at least one of lt, lte, gt, gte")
        return self

    def bounds(self) -> list[tuple[str, int | str]]:
        """The (operator, bound) pairs that are set, in a fixed order."""
        pairs = (("lt", self.lt), ("lte", self.lte), ("gt", self.gt), ("gte", self.gte))
        return [(op, value) for op, value in pairs if value is not None]


Condition = bool | int | Comparison


class Rule(_Strict):
    """One row of the table: a condition over profile fields and its effect."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    when: dict[str, Condition] = Field(min_length=1)
    favours: Side | None = None
    weight: int | None = Field(default=None, ge=1)
    route: Route | None = None
    reason: str = Field(min_length=1)
    fact: str = Field(min_length=1)
    section: str = Field(min_length=1)
    quote: str = Field(min_length=12)

    @field_validator("when")
    @classmethod
    def _known_fields(cls, when: dict[str, Condition]) -> dict[str, Condition]:
        for name, cond in when.items():
            if name not in PROFILE_FIELDS:
                raise ValueError(f"unknown profile field {name!r} (known: {', '.join(PROFILE_FIELDS)})")
            if name in NUMBER_FIELDS and isinstance(cond, bool):
                raise ValueError(f"{name!r} is a number: give an integer or a comparison, not {cond!r}")
            if name not in NUMBER_FIELDS and not isinstance(cond, bool):
                raise ValueError(f"{name!r} is true/false: give true or false, not {cond!r}")
        return when

    @field_validator("reason", "fact")
    @classmethod
    def _no_digits(cls, text: str) -> str:
        if _DIGIT.search(text):
            raise ValueError(f"user-facing text must contain no numbers: {text!r}")
        return text

    @model_validator(mode="after")
    def _one_effect(self) -> Rule:
        if (self.favours is None) == (self.route is None):
            raise ValueError("a rule needs exactly one effect: 'favours' (with 'weight') or 'route'")
        if self.favours is not None and self.weight is None:
            raise ValueError("'favours' needs a 'weight'")
        if self.route is not None and self.weight is not None:
            raise ValueError("a 'route' rule takes no 'weight'")
        return self


class TradeOff(_Strict):
    """What a chosen model costs the company, in the guide's words, said after its reasons."""

    text: str = Field(min_length=1)
    section: str = Field(min_length=1)
    quote: str = Field(min_length=12)


class _TableFile(_Strict):
    version: Literal[1]
    thresholds: dict[str, int] = Field(default_factory=dict)
    min_margin: int = Field(ge=1)
    priority_weight: int = Field(ge=0)
    must_weight: int = Field(ge=0)
    turned_round_by: dict[str, list[str]] = Field(default_factory=dict)
    route_precedence: list[Route]
    missing_order: list[str]
    rules: list[Rule] = Field(min_length=1)
    trade_offs: dict[Side, list[TradeOff]] = Field(default_factory=dict)

    @field_validator("turned_round_by")
    @classmethod
    def _yes_no_facts(cls, pairs: dict[str, list[str]]) -> dict[str, list[str]]:
        facts = set(get_args(Fact))
        for fact, wishes in pairs.items():
            unknown = sorted({fact, *wishes} - facts)
            if unknown:
                raise ValueError(f"turned_round_by names {', '.join(unknown)}, not yes/no profile facts")
        return pairs

    @field_validator("route_precedence")
    @classmethod
    def _every_route_once(cls, order: list[str]) -> list[str]:
        if sorted(order) != ["EOR", "HRO"]:
            raise ValueError("route_precedence must list EOR and HRO, each once")
        return order

    @field_validator("missing_order")
    @classmethod
    def _every_field_once(cls, order: list[str]) -> list[str]:
        if sorted(order) != sorted(PROFILE_FIELDS):
            raise ValueError(f"missing_order must list every profile field once: {', '.join(PROFILE_FIELDS)}")
        return order

    @field_validator("thresholds")
    @classmethod
    def _positive(cls, thresholds: dict[str, int]) -> dict[str, int]:
        for name, value in thresholds.items():
            if value < 1:
                raise ValueError(f"threshold {name!r} must be at least 1, got {value}")
        return thresholds


class SummaryTemplates(_Strict):
    PEO: str
    ASO: str
    HRO: str
    EOR: str
    conflict: str
    musts_conflict: str  # musts on both sides: no model meets every must
    needs_info: str
    unclear: str
    # closes a PEO or ASO summary when facts also pull the other way (no stated priority is left out)
    against: str
    # a fact the company put above the rest, and one it called a must, as named in a summary
    priority: str
    must: str
    # opens what the chosen model costs the company (rules.yaml trade_offs), after the reasons
    trade_offs: str


class FollowUpTemplates(_Strict):
    question: str
    fallback: str
    so_far: str
    max_facts: int = Field(ge=1, le=3)


class ConfirmingTemplates(_Strict):
    """The opening when the asker put up a model for confirming ("that's the ASO profile, right?")."""

    agree: str
    disagree: str


class FieldQuestions(_Strict):
    employees: str
    in_house_hr: str
    wants_pooled_benefits: str
    wants_shared_liability: str
    wants_full_control: str
    cost_priority: str
    multi_state: str
    strategic_hr_only: str
    hiring_abroad_without_entity: str


_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "summary.PEO": frozenset({"facts"}),
    "summary.ASO": frozenset({"facts"}),
    "summary.HRO": frozenset({"facts"}),
    "summary.EOR": frozenset({"facts"}),
    "summary.conflict": frozenset({"peo_facts", "aso_facts"}),
    "summary.musts_conflict": frozenset({"peo_facts", "aso_facts"}),
    "summary.needs_info": frozenset({"questions"}),
    "summary.unclear": frozenset(),
    "summary.against": frozenset({"facts", "model"}),
    "summary.priority": frozenset({"fact"}),
    "summary.must": frozenset({"fact"}),
    "summary.trade_offs": frozenset(),
    "follow_up.question": frozenset({"questions"}),
    "follow_up.fallback": frozenset(),
    "follow_up.so_far": frozenset(),
    "confirming.agree": frozenset(),
    "confirming.disagree": frozenset(),
}


class RecommendationPrompts(_Strict):
    """User-facing wording: summaries per choice, the follow-up question, one phrase per profile field."""

    summary: SummaryTemplates
    follow_up: FollowUpTemplates
    confirming: ConfirmingTemplates
    field_questions: FieldQuestions

    @model_validator(mode="after")
    def _templates(self) -> RecommendationPrompts:
        for key, wanted in _PLACEHOLDERS.items():
            group, name = key.split(".")
            text = getattr(getattr(self, group), name)
            found = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
            if found != wanted:
                want = ", ".join("{" + w + "}" for w in sorted(wanted)) or "no placeholders"
                raise ValueError(f"{key}: expected {want}, found {sorted(found)}")
        for key, text in self._texts():
            if _DIGIT.search(text):
                raise ValueError(f"{key}: user-facing text must contain no numbers: {text!r}")
        return self

    def _texts(self) -> list[tuple[str, str]]:
        out = [(f"summary.{k}", v) for k, v in self.summary.model_dump().items()]
        out += [(f"follow_up.{k}", v) for k in ("question", "fallback") for v in [getattr(self.follow_up, k)]]
        out += [(f"field_questions.{k}", v) for k, v in self.field_questions.model_dump().items()]
        return out


class RulesTable(_Strict):
    """The validated table plus the wording the engine speaks with."""

    source: str
    thresholds: dict[str, int]
    min_margin: int
    priority_weight: int
    must_weight: int
    turned_round_by: dict[str, list[str]]
    route_precedence: tuple[Route, ...]
    missing_order: tuple[str, ...]
    rules: tuple[Rule, ...]
    trade_offs: dict[str, tuple[TradeOff, ...]]  # by the model chosen
    prompts: RecommendationPrompts

    def bound(self, value: int | str) -> int:
        """A comparison bound as a number (threshold names resolved)."""
        return value if isinstance(value, int) else self.thresholds[value]


def load_prompts(path: Path | None = None) -> RecommendationPrompts:
    """Read and validate prompts/recommendation.yaml; PromptsError names the file on any problem."""
    path = path or DEFAULT_PROMPTS_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptsError(f"{path}: cannot read: {exc}") from exc
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise PromptsError(f"{path}: {_yaml_problem(exc)}") from exc
    try:
        return RecommendationPrompts.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '(top)'}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        raise PromptsError(f"{path}: {problems}") from exc


def load_table(path: Path | None = None, *, prompts_path: Path | None = None) -> RulesTable:
    """Read and validate rules.yaml (and its prompts); RulesError names the file, line and reason."""
    path = path or DEFAULT_RULES_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(f"{path}: cannot read: {exc}") from exc
    root, data = _parse(path, text)
    try:
        parsed = _TableFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        line = _line_of(root, err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        raise RulesError(f"{path}:{line}: {_where(data, err['loc'])}{message}") from exc
    _check_cross_references(path, root, parsed)
    return RulesTable(
        source=str(path),
        thresholds=parsed.thresholds,
        min_margin=parsed.min_margin,
        priority_weight=parsed.priority_weight,
        must_weight=parsed.must_weight,
        turned_round_by=parsed.turned_round_by,
        route_precedence=tuple(parsed.route_precedence),
        missing_order=tuple(parsed.missing_order),
        rules=tuple(parsed.rules),
        trade_offs={side: tuple(items) for side, items in parsed.trade_offs.items()},
        prompts=load_prompts(prompts_path),
    )


def _parse(path: Path, text: str) -> tuple[yaml.Node | None, Any]:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _reject_duplicate_keys(path, root)
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}:{_yaml_line(exc)}: {_yaml_problem(exc)}") from exc
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise RulesError(f"{path}:1: the table must be a mapping with 'version', 'rules', …")
    return root, data


def _reject_duplicate_keys(path: Path, node: yaml.Node) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                raise RulesError(f"{path}:{key.start_mark.line + 1}: duplicate key {key.value!r}")
            seen.add(key.value)
            _reject_duplicate_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_duplicate_keys(path, item)


def _check_cross_references(path: Path, root: yaml.Node | None, table: _TableFile) -> None:
    seen: set[str] = set()
    for i, rule in enumerate(table.rules):
        if rule.id in seen:
            line = _line_of(root, ("rules", i, "id"))
            raise RulesError(f"{path}:{line}: rule {rule.id!r}: duplicate id")
        seen.add(rule.id)
        for name, cond in rule.when.items():
            if not isinstance(cond, Comparison):
                continue
            for op, bound in cond.bounds():
                if isinstance(bound, str) and bound not in table.thresholds:
                    line = _line_of(root, ("rules", i, "when", name, op))
                    known = ", ".join(sorted(table.thresholds)) or "none"
                    raise RulesError(
                        f"{path}:{line}: rule {rule.id!r}: unknown threshold {bound!r} (known: {known})"
                    )


def _line_of(root: yaml.Node | None, loc: Sequence[int | str]) -> int:
    """The 1-based line of the deepest YAML node that the pydantic error location reaches."""
    node = root
    line = node.start_mark.line + 1 if node is not None else 1
    for part in (p for p in loc if not _is_type_tag(p)):
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:  # an unknown key: point at the key itself
                key = next((k for k, _ in node.value if k.value == str(part)), None)
                return key.start_mark.line + 1 if key is not None else line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _where(data: dict[str, Any], loc: Sequence[int | str]) -> str:
    """'rule <id>: field: ' prefix for an error location inside the rules list."""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules") or []
        raw = rules[loc[1]] if loc[1] < len(rules) else None
        rule_id = raw.get("id") if isinstance(raw, dict) else None
        name = f"rule {rule_id!r}" if rule_id else f"rule #{loc[1] + 1}"
        rest = [str(p) for p in loc[2:] if not _is_type_tag(p)]
        return f"{name}: {'.'.join(rest)}: " if rest else f"{name}: "
    rest = [str(p) for p in loc if not _is_type_tag(p)]
    return f"{'.'.join(rest)}: " if rest else ""


def _is_type_tag(part: int | str) -> bool:
    """Pydantic puts union member names (e.g. 'bool', 'Comparison') into error locations."""
    return isinstance(part, str) and (part in {"bool", "int", "str", "Comparison"} or "[" in part)


def _yaml_line(exc: yaml.YAMLError) -> int:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None)
    return f"invalid YAML: {problem}" if problem else f"invalid YAML: {exc}"
