# Two commands: `make run` and `make test`. Nothing but python3 is assumed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 180

.PHONY: run test bench samples clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install only when pyproject.toml changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tonghop run --inbox data/samples/inbox --out $(OUT)
	@echo "Kết quả / outputs:"
	@echo "  $(OUT)/du-thao-tong-hop.docx  (dự thảo cho Tổ biên tập / draft for editors)"
	@echo "  $(OUT)/chi-tieu.xlsx          (bảng chỉ tiêu / indicator workbook)"
	@echo "  $(OUT)/manifest.json          (nhật ký lượt chạy / run manifest)"

test: $(STAMP)
	$(BIN)/python -m pytest

samples: $(STAMP)
	$(BIN)/python data/samples/make_samples.py

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/match.py

# Removes the virtual environment only: outputs (and out/luu-tru/, earlier nights) are never deleted here.
clean:
	rm -rf $(VENV)
