"""The one JSON shape every front end speaks (../shared/CONTRACT.md), as pydantic models."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MAX_MESSAGE_CHARS = 2000

Status = Literal["answered", "out_of_scope", "needs_more_info"]
Choice = Literal["PEO", "ASO", "HRO", "EOR", "UNDECIDED"]
Channel = Literal["web", "slack", "agent", "api"]
# The yes/no facts of a profile: one of them can be the company's stated top priority.
Fact = Literal[
    "in_house_hr",
    "wants_pooled_benefits",
    "wants_shared_liability",
    "wants_full_control",
    "cost_priority",
    "multi_state",
    "strategic_hr_only",
    "hiring_abroad_without_entity",
]


# The fields naming which fact the company stresses, and how: put first, or made a must.
STRESS_FIELDS = ("top_priority", "must_have")


class Profile(BaseModel):
    """What we know about the asking company; every field optional, unknown fields refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    employees: int | None = Field(default=None, ge=1, description="head count")
    in_house_hr: bool | None = Field(default=None, description="has in-house HR staff")
    wants_pooled_benefits: bool | None = Field(
        default=None, description="competitive, pooled health benefits are a priority"
    )
    wants_shared_liability: bool | None = Field(
        default=None, description="wants to share employer liability and compliance risk"
    )
    wants_full_control: bool | None = Field(
        default=None, description="wants to stay sole employer, file under its own EIN, keep its own vendors"
    )
    cost_priority: bool | None = Field(default=None, description="lowest cost matters most")
    multi_state: bool | None = Field(default=None, description="pays employees in several U.S. states")
    strategic_hr_only: bool | None = Field(
        default=None,
        description="wants help with recruiting, training or performance, not payroll and benefits admin",
    )
    hiring_abroad_without_entity: bool | None = Field(
        default=None, description="wants to hire in another country without a local entity"
    )

    top_priority: Fact | None = Field(
        default=None,
        description="the fact the company puts above the rest (its answer must be given too)",
    )
    must_have: tuple[Fact, ...] | None = Field(
        default=None,
        description="the facts the company calls musts, not to be traded (their answers must be given too); "
        "one fact alone may be given as a string",
    )

    @field_validator("must_have", mode="before")
    @classmethod
    def _one_or_several(cls, value: object) -> object:
        """'cost_priority' or ['cost_priority', …] (JSON has no tuples); none at all is no must."""
        if isinstance(value, str):
            return (value,)
        return tuple(value) or None if isinstance(value, list | tuple) else value

    @model_validator(mode="after")
    def _priority_is_answered(self) -> Profile:
        for name in STRESS_FIELDS:
            for fact in self.stressed(name):
                if getattr(self, fact) is None:
                    raise ValueError(f"{name} names {fact!r}, which the profile does not answer")
        return self

    def stressed(self, name: str) -> tuple[str, ...]:
        """The facts a stress field names (none, one, or for musts several)."""
        value = getattr(self, name)
        return () if value is None else (value,) if isinstance(value, str) else tuple(value)

    def known(self) -> dict[str, int | bool | str | tuple[str, ...]]:
        """The fields that have an answer, in field order."""
        return {k: getattr(self, k) for k in type(self).model_fields if getattr(self, k) is not None}

    def merged(self, newer: Profile) -> Profile:
        """This profile with every field the newer one answers replaced (later turns correct earlier ones;
        a priority stated later replaces the one before, a must stated later joins the ones before, and one
        whose fact a later turn turns round is dropped: "sharing liability is our #1 goal" then "no
        co-employment, period")."""

        def holds(fact: str) -> bool:
            return getattr(newer, fact) in (None, getattr(self, fact))

        merged: dict[str, object] = {k: v for k, v in self.known().items() if k not in STRESS_FIELDS}
        merged |= newer.known()
        top = newer.top_priority or (
            self.top_priority if self.top_priority and holds(self.top_priority) else None
        )
        musts = [*(f for f in self.stressed("must_have") if holds(f)), *newer.stressed("must_have")]
        merged |= {"top_priority": top, "must_have": tuple(dict.fromkeys(musts)) or None}
        return Profile.model_validate(merged)


_YES_NO_FIELDS = {name for name, field in Profile.model_fields.items() if field.annotation == bool | None}
if set(get_args(Fact)) != _YES_NO_FIELDS:
    raise RuntimeError("contract.Fact must name exactly the profile's yes/no fields")

# The facts a rule can test and a follow-up can ask for (the stated priority is not one of them).
PROFILE_FIELDS: tuple[str, ...] = tuple(name for name in Profile.model_fields if name not in STRESS_FIELDS)


class Reason(BaseModel):
    rule_id: str
    text: str
    section: str
    quote: str


class Recommendation(BaseModel):
    choice: Choice
    summary: str
    reasons: list[Reason]
    missing: list[str]
    profile: dict[str, int | bool | str | tuple[str, ...]]


class Citation(BaseModel):
    n: int
    doc_id: str
    doc_title: str
    section: str
    quote: str
    url: str


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    message: str
    conversation_id: str | None = None
    channel: Channel = "api"

    @field_validator("message")
    @classmethod
    def _trimmed_length(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("message is empty")
        if len(value) > MAX_MESSAGE_CHARS:
            raise ValueError(f"message is longer than {MAX_MESSAGE_CHARS} characters ({len(value)})")
        return value


class FeedbackRequest(BaseModel):
    """A thumbs up or down on one answer (the turn `message_index` of the conversation, from 0)."""

    model_config = ConfigDict(extra="forbid")

    conversation_id: str = Field(min_length=1, max_length=128)
    message_index: int = Field(ge=0)
    rating: Literal["up", "down"]
    comment: str | None = Field(default=None, max_length=MAX_MESSAGE_CHARS)


class ChatResponse(BaseModel):
    conversation_id: str
    status: Status
    answer: str
    citations: list[Citation]
    recommendation: Recommendation | None = None
    follow_up: str | None = None
    message_index: int | None = None  # this turn's place in the conversation (feedback points at it)


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody
