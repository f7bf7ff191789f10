# ptcoach — `make run` starts the app, `make test` runs the whole suite. Both set everything up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help run test test-fast bench lint cues screenshots install-desktop sysdeps clean wheel voice \
	translations camera
# Translated catalogues and the .qm files a source-tree run loads (a wheel compiles its own).
QM := $(patsubst %.ts,%.qm,$(wildcard assets/translations/ptcoach_*.ts))

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 18

$(STAMP): pyproject.toml
	@bash scripts/sysdeps.sh runtime
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev,voice,camera]'  # the tests hear speech, see people
	@$(MAKE) --no-print-directory headless-cv2
	@touch $(STAMP)

voice: $(STAMP)  ## install the optional voice-command extra (pocketsphinx) into .venv
	$(PY) -m pip install --quiet -e '.[voice]'

camera: $(STAMP)  ## install the optional camera extra (mediapipe pose) into .venv
	$(PY) -m pip install --quiet -e '.[camera]'
	@$(MAKE) --no-print-directory headless-cv2

# mediapipe depends on opencv-contrib-python, whose cv2 carries its own Qt; ptcoach needs only
# decoding and image operations, so the headless build replaces it (same cv2 API, no Qt).
.PHONY: headless-cv2
headless-cv2:
	@if $(PY) -m pip show --quiet opencv-contrib-python 2>/dev/null; then \
	  $(PY) -m pip uninstall --quiet -y opencv-contrib-python && \
	  $(PY) -m pip install --quiet --force-reinstall --no-deps 'opencv-python-headless<4.12'; fi

sysdeps:  ## install the Debian packages the app and the tests need (as root)
	@bash scripts/sysdeps.sh runtime test

run: $(STAMP) $(QM)  ## set up and start the app
	$(VENV)/bin/ptcoach

test: $(STAMP)  ## set up and run the whole test suite
	@bash scripts/sysdeps.sh test
	@# One process per tier, and the widget tier in slices: Qt state left by hundreds of widget
	@# tests never reaches the others.
	@source scripts/test-env.sh && $(PY) -m pytest -m unit && bash scripts/widget-tests.sh $(PY) \
	  && $(PY) -m pytest -m e2e

test-fast: $(STAMP)  ## the unit tier only (no widgets, no desktop), timed
	@source scripts/test-env.sh && TIMEFORMAT='test-fast: %1R s' && time $(PY) -m pytest -m unit -q

bench: $(STAMP)  ## run the benchmarks and print their tables
	@bash scripts/sysdeps.sh test
	@source scripts/test-env.sh && for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

lint: $(STAMP)  ## ruff, mypy --strict, the import contracts, then the format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff format --check .

translations: $(QM)  ## compile the translations (.ts -> .qm) for a source-tree run

assets/translations/%.qm: assets/translations/%.ts | $(STAMP)
	$(PY) scripts/translations.py build

cues: $(STAMP)  ## regenerate the spoken cue clips in assets/sounds (needs espeak-ng)
	@bash scripts/sysdeps.sh cues
	$(PY) scripts/make_cues.py

screenshots: $(STAMP)  ## regenerate the README's screenshots under Xvfb
	@bash scripts/sysdeps.sh test
	@source scripts/test-env.sh && $(PY) scripts/screenshots.py

install-desktop: $(STAMP)  ## launcher, icons, metainfo, completions, man page into your XDG dirs
	$(VENV)/bin/ptcoach install-desktop

wheel: $(STAMP)  ## build the wheel into dist/
	$(PY) -m build --wheel

clean:  ## remove the venv and build output
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f assets/translations/*.qm
