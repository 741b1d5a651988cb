#!/usr/bin/env bash
# Builds what the demo needs (the release CLI, the web builds for the pages),
# runs the CLI on an embedded programme, then serves the pages on
# http://127.0.0.1:${PORT:-8080}/ (Ctrl-C to stop).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/ensure-tools.sh"
cd "$ROOT"
ensure_rust_toolchain
echo "== CLI: cargo build --release -p pacte-cli"
cargo build --release -p pacte-cli
bash scripts/build-package.sh --web
echo "== pacte evaluate (hdf-leader-msp-2024, as of 2024-09-20)"
./target/release/pacte evaluate --programme hdf-leader-msp-2024 --as-of 2024-09-20 --format text examples/learner-hdf.json || true
echo "== pages: http://127.0.0.1:${PORT:-8080}/"
exec node scripts/serve.mjs "${PORT:-8080}"
