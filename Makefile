# guidebot: the few commands people need. `make run` and `make test` do all the set-up themselves.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint ingest bench eval eval-heldout clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)

# torch==2.13.0 first: pip takes that CPU build from this machine's disk (any other pulls a CUDA build).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

ingest: install
	$(BIN)/guidebot ingest

# Ingests when the index is missing or stale (serve brings the index in step with the corpus at start-up).
run: install
	$(BIN)/guidebot ingest
	$(BIN)/guidebot serve

# Graded sets: the shared dev sets and ours must all pass; the paraphrase families (written before the
# bot answered them, tests/eval/README.md) guard against regressions at a floor.
EVAL_SETS := --set ../shared/eval/dev.jsonl --set ../shared/eval/dev-recommend.jsonl --set tests/eval/extra.jsonl \
	--set tests/eval/families.jsonl --floor tests/eval/families.jsonl=0.85

test: install
	$(BIN)/ruff check bot ingest tests bench
	$(BIN)/ruff format --check bot ingest tests bench
	$(BIN)/python -m pytest -q
	$(BIN)/python -m bench.eval_server $(EVAL_SETS)

lint: install
	$(BIN)/ruff check bot ingest tests bench
	$(BIN)/ruff format --check bot ingest tests bench
	$(BIN)/mypy bot ingest

eval: install
	$(BIN)/python -m bench.eval_server $(EVAL_SETS)

# The held-out set: never used for tuning; reported on its own.
eval-heldout: install
	$(BIN)/python -m bench.eval_server --set tests/eval/heldout.jsonl --floor tests/eval/heldout.jsonl=0

# guidebot against a tutorial RAG at 1, 8 and 32 clients; `make bench ARGS=--quick` for a 3 s-per-level smoke run.
bench: install
	$(BIN)/python -m bench.benchmark $(ARGS)

clean:
	rm -rf $(VENV) data
