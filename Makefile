# `make run`, `make test`, `make lint`, `make typecheck`. Nothing but python3 is assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 180

.PHONY: run test lint typecheck bench samples clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install only when pyproject.toml changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tonghop run --inbox data/samples/inbox --out $(OUT)
	@echo "Kết quả / outputs:"
	@echo "  $(OUT)/du-thao-tong-hop.docx  (dự thảo cho Tổ biên tập / draft for editors)"
	@echo "  $(OUT)/chi-tieu.xlsx          (bảng chỉ tiêu / indicator workbook)"
	@echo "  $(OUT)/manifest.json          (nhật ký lượt chạy / run manifest)"

# On every core, each test file on one worker (its module-scoped corpora and Prefect server built once
# per worker). `make test PYTEST_ARGS=` runs serially.
PYTEST_ARGS ?= -n auto --dist loadfile
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff as configured in pyproject.toml (clean; .ci/run runs it before the tests).
lint: $(STAMP)
	$(BIN)/ruff check .

# pyright (basic) over the package. Not yet clean (Optional narrowing, openpyxl/python-docx/prefect
# stubs): reported, not enforced, until it is; then add it to `lint`. pyright resolves `tonghop` through a
# link to the repository root (the root is the package directory, invisible through the editable install).
typecheck: $(STAMP)
	@mkdir -p .cache/pyright && ln -sfn "$(CURDIR)" .cache/pyright/tonghop
	$(BIN)/pyright

samples: $(STAMP)
	$(BIN)/python data/samples/make_samples.py

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/match.py

# Removes the virtual environment only: outputs (and out/luu-tru/, earlier nights) are never deleted here.
clean:
	rm -rf $(VENV)
