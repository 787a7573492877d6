"""The `guidebot` console script: ask, chat, ingest, serve and recommend from a terminal."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError

from bot.contract import ChatRequest, ChatResponse, Profile, Recommendation
from bot.log_setup import configure_logging
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.service import AnswerService

app = typer.Typer(
    help="guidebot: answers about HR outsourcing models (PEO, ASO, HRO, EOR) with cited sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # a crash must not dump questions or settings to the terminal
)

USAGE_ERROR = 2
DATA_ERROR = 1


@app.callback()
def main() -> None:
    """Configure logging to stderr at the level Settings asks for; unusable settings stop here."""
    try:
        settings = Settings()
    except ValidationError as exc:
        raise _fail(f"settings: {_problems(exc)}") from None
    configure_logging(settings.log_level)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(USAGE_ERROR)


def _problems(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'input'}: {e['msg'].removeprefix('Value error, ')}"
        for e in exc.errors()
    )


@contextmanager
def _clean_data_errors() -> Iterator[None]:
    """Unusable data files or an unreachable Chroma server end the command with their message, exit 1."""
    from bot.prompts import PromptError
    from bot.rules.table import PromptsError, RulesError
    from ingest.corpus import CorpusError
    from ingest.index import IndexUnavailable

    try:
        yield
    except (CorpusError, RulesError, PromptsError, PromptError, IndexUnavailable) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(DATA_ERROR) from None


def _load_service(settings: Settings) -> AnswerService:
    from bot.wiring import build_service  # the model is only imported by commands that need it

    with _clean_data_errors():
        return build_service(settings)


def format_response(response: ChatResponse) -> str:
    """The answer followed by a numbered source list (section, quote, url)."""
    lines = [response.answer]
    if response.citations:
        lines += ["", "Sources:"]
        for c in response.citations:
            lines.append(f"  [{c.n}] {c.section} ({c.doc_title})")
            lines.append(f'      "{c.quote}"')
            lines.append(f"      {c.url}")
    if response.recommendation and response.status == "answered":
        lines += ["", f"Recommendation: {response.recommendation.choice}"]
    return "\n".join(lines)


def format_recommendation(rec: Recommendation) -> str:
    """Choice, summary, each reason with its quote, and the facts that could still change it."""
    lines = [f"Choice: {rec.choice}", rec.summary]
    if rec.reasons:
        lines += ["", "Reasons:"]
        for i, r in enumerate(rec.reasons, 1):
            lines.append(f"  {i}. {r.text}")
            lines.append(f'     "{r.quote}" ({r.section})')
    if rec.missing:
        lines += ["", "Would help to know: " + ", ".join(rec.missing)]
    return "\n".join(lines)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question to ask the guide.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the ChatResponse JSON.")] = False,
    conversation: Annotated[str | None, typer.Option("--conversation", help="Continue this id.")] = None,
) -> None:
    """Answer one question with its numbered sources."""
    try:
        request = ChatRequest(message=question, conversation_id=conversation)
    except ValidationError as exc:
        raise _fail(_problems(exc)) from None
    service = _load_service(Settings())
    response = service.answer(message=request.message, conversation_id=request.conversation_id)
    typer.echo(response.model_dump_json() if as_json else format_response(response))


@app.command()
def chat() -> None:
    """A terminal conversation: /new starts over, /quit or end of input exits."""
    service = _load_service(Settings())
    conversation_id: str | None = None
    typer.echo("guidebot: ask about PEO, ASO, HRO or EOR. /new starts over, /quit exits.")
    while True:
        try:
            line = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            typer.echo()
            return
        if line == "/quit":
            return
        if line == "/new":
            conversation_id = None
            typer.echo("(new conversation)")
            continue
        if not line:
            continue
        try:
            request = ChatRequest(message=line, conversation_id=conversation_id)
        except ValidationError as exc:
            typer.echo(f"error: {_problems(exc)}", err=True)
            continue
        response = service.answer(message=request.message, conversation_id=conversation_id)
        conversation_id = response.conversation_id
        typer.echo("\n" + format_response(response) + "\n")


@app.command()
def ingest(
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Bring the index in step with the corpus and report what changed."""
    from bot.embedding import make_embedder
    from bot.wiring import prepare_index

    started = time.perf_counter()
    with _clean_data_errors():
        settings = Settings()
        # A batch job with the machine to itself: all cores, not one worker's share.
        encoder = make_embedder(settings, threads=os.cpu_count())
        index = prepare_index(settings, encoder, progress=True)
    counts = index.report.counts()
    if as_json:
        typer.echo(json.dumps(counts))
        return
    summary = ", ".join(f"{k} {v}" for k, v in counts.items())
    rate = f" ({index.report.chunks_per_second:.0f} chunks/s)" if index.report.chunks_per_second else ""
    typer.echo(f"{summary} in {time.perf_counter() - started:.1f} s{rate}")
    if index.report.rebuilt:
        typer.echo(index.report.rebuilt)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface (default GUIDEBOT_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default GUIDEBOT_PORT).")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes sharing the port (default GUIDEBOT_WORKERS, else cores)."),
    ] = None,
) -> None:
    """Run the HTTP API with uvicorn; each worker loads the model in the background after start."""
    import uvicorn

    from bot.data_files import check_data_files  # light: the parent of the workers loads no model

    settings = Settings()
    with _clean_data_errors():  # a malformed rules table, prompt or corpus file stops the start here
        check_data_files(settings)
    count = workers or settings.worker_count()
    os.environ["GUIDEBOT_WORKERS"] = str(count)  # each worker reads it to size its thread pools
    if count > 1:
        from bot.api.workers import serve_workers

        serve_workers(host=host or settings.host, port=port or settings.port, count=count)
        return
    uvicorn.run(
        "bot.api.app:create_app_from_env",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_config=None,  # our stderr logging; the app logs one line per request itself
        access_log=False,
    )


@app.command()
def slack() -> None:
    """Run the Slack app over Socket Mode (no public URL needed): SLACK_BOT_TOKEN and SLACK_APP_TOKEN."""
    from bot.slack.app import build_slack_app, slack_bot
    from bot.slack.socket_mode import socket_mode_handler

    settings = Settings()
    if settings.slack_bot_token is None or settings.slack_app_token is None:
        raise _fail("Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN (see README, Slack app)")
    service = _load_service(settings)
    app_ = build_slack_app(settings, slack_bot(settings, lambda: service))
    typer.echo("guidebot: connecting to Slack over Socket Mode; Ctrl-C stops.", err=True)
    socket_mode_handler(settings, app_).start()


@app.command()
def purge(
    days: Annotated[
        int | None,
        typer.Option(min=1, help="Idle days to keep (default GUIDEBOT_RETENTION_DAYS)."),
    ] = None,
) -> None:
    """Delete conversations past the retention period from the log (no model is loaded)."""
    from bot.wiring import open_conversations

    settings = Settings()
    keep = days or settings.retention_days
    store = open_conversations(settings)
    gone = store.purge_older_than(days=keep)
    store.engine.dispose()
    typer.echo(f"deleted {gone} conversations idle for more than {keep} days")


def _tri(name: str, help_text: str) -> typer.models.OptionInfo:
    """A --name/--no-name flag whose absence means 'unknown'."""
    return typer.Option(f"--{name}/--no-{name}", help=help_text, show_default=False)


@app.command()
def recommend(
    employees: Annotated[int | None, typer.Option(help="Head count (at least 1).")] = None,
    hr_staff: Annotated[bool | None, _tri("hr-staff", "Has in-house HR staff.")] = None,
    pooled_benefits: Annotated[bool | None, _tri("pooled-benefits", "Pooled health benefits matter.")] = None,
    shared_liability: Annotated[bool | None, _tri("shared-liability", "Wants shared liability.")] = None,
    full_control: Annotated[bool | None, _tri("full-control", "Wants to stay sole employer.")] = None,
    cost_priority: Annotated[bool | None, _tri("cost-priority", "Lowest cost matters most.")] = None,
    multi_state: Annotated[bool | None, _tri("multi-state", "Pays employees in several states.")] = None,
    strategic_hr_only: Annotated[bool | None, _tri("strategic-hr-only", "Wants strategic HR only.")] = None,
    abroad_without_entity: Annotated[
        bool | None, _tri("abroad-without-entity", "Hires abroad without a local entity.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Recommendation JSON.")] = False,
) -> None:
    """Recommend PEO, ASO, HRO or EOR from the rules table (no model is loaded); absent flags are unknown."""
    from bot.rules.engine import recommend as run_rules
    from bot.rules.table import load_table

    answers = {
        "employees": employees,
        "in_house_hr": hr_staff,
        "wants_pooled_benefits": pooled_benefits,
        "wants_shared_liability": shared_liability,
        "wants_full_control": full_control,
        "cost_priority": cost_priority,
        "multi_state": multi_state,
        "strategic_hr_only": strategic_hr_only,
        "hiring_abroad_without_entity": abroad_without_entity,
    }
    try:
        profile = Profile.model_validate({k: v for k, v in answers.items() if v is not None})
    except ValidationError as exc:
        raise _fail(_problems(exc)) from None
    with _clean_data_errors():
        table = load_table(Settings().rules_path)
    rec = run_rules(profile, table)
    typer.echo(rec.model_dump_json() if as_json else format_recommendation(rec))
