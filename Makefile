# Two commands on a fresh Debian or Ubuntu machine with Swift 6.2+ on the PATH:
#   make demo   build Busbar and run the demo depot through an accelerated night (DEMO_SPEED=240)
#   make test   build and run every test (Swift Testing, then the Python suites)
# Both install the missing system packages (apt) and the pinned Python test tools (.venv) first.

SHELL := /bin/bash
APT_PACKAGES := liblua5.4-dev libsqlite3-dev coinor-libclp-dev pkg-config python3-venv openssl chromium
VENV := .venv
PYTHON := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test build lint deps system-deps python-deps vdv463-schemas clean

DEMO_SPEED ?= 240
DEMO_PORT ?= 8180

demo: build
	"$$(swift build --show-bin-path)/busbar" demo --speed $(DEMO_SPEED) --port $(DEMO_PORT)

test: deps vdv463-schemas
	swift build --build-tests
	# The end-to-end nights keep both cores busy for one to two minutes each; they run on their own
	# so the timing-sensitive suites (accelerated clocks, real sockets) do not compete with them.
	swift test --skip-build --skip DemoNightTests --skip VDVNightTests
	swift test --skip-build --filter DemoNightTests
	swift test --skip-build --filter VDVNightTests
	BUSBAR_BIN="$$(swift build --show-bin-path)/busbar" $(PYTHON) -m pytest -q Tests/interop

build: system-deps
	swift build

# The official VDV 463 schemas the VDV suites validate against, found in this order (SchemaFolder.swift,
# Tests/interop/vdv463_schema_folder.py): BUSBAR_VDV463_SCHEMAS, ../shared/vdv463-schemas (CI), and the
# copy fetched here at the pinned commits of scripts/fetch_vdv463_schemas.sh, checked against its manifest.
VDV463_SHARED := ../shared/vdv463-schemas
VDV463_FETCHED := .vdv463-schemas

vdv463-schemas:
	@if [ -n "$$BUSBAR_VDV463_SCHEMAS" ]; then echo "VDV 463 schemas: $$BUSBAR_VDV463_SCHEMAS (BUSBAR_VDV463_SCHEMAS)"; \
	elif [ -d $(VDV463_SHARED) ]; then echo "VDV 463 schemas: $(VDV463_SHARED)"; \
	elif [ -d $(VDV463_FETCHED) ] && scripts/fetch_vdv463_schemas.sh --verify $(VDV463_FETCHED) >/dev/null 2>&1; then \
		echo "VDV 463 schemas: $(VDV463_FETCHED)"; \
	else scripts/fetch_vdv463_schemas.sh $(VDV463_FETCHED); fi

lint:
	swift format lint --strict --recursive Sources Tests Package.swift

deps: system-deps python-deps

system-deps:
	@command -v swift >/dev/null || { echo "Swift 6.2 or newer is needed on the PATH (https://www.swift.org/install/linux/)"; exit 1; }
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		command -v apt-get >/dev/null || { echo "install these packages with your package manager: $$missing"; exit 1; }; \
		echo "installing $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@pkg-config --exists lua5.4 || { echo "pkg-config cannot find lua5.4: install liblua5.4-dev (Debian/Ubuntu)"; exit 1; }
	@pkg-config --exists clp || { echo "pkg-config cannot find clp: install coinor-libclp-dev (Debian/Ubuntu)"; exit 1; }

python-deps: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@[ -x $(PYTHON) ] || python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --disable-pip-version-check -r requirements.txt
	@touch $@

clean:
	rm -rf .build $(VENV) $(VDV463_FETCHED)
