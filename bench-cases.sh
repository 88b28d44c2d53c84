#!/usr/bin/env bash
# Case engine benchmark (not a test): complete lifecycles per second against bpmn-engine (npm) running
# the same process with its state written to disk after each step, and the intake request over HTTP
# on an empty store and on one bulk-seeded with SEEDED cases, in one run.
# Usage: ./bench-cases.sh [LIFECYCLES] [SEEDED]   (defaults 2000 and 1000000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/setup.sh
workflows_setup
peer=tests/Workflows.Benchmarks/peer-bpmn
if ! command -v node >/dev/null 2>&1; then
  workflows_install_packages nodejs npm
fi
[ -d "$peer/node_modules/bpmn-engine" ] || (cd "$peer" && npm ci --no-audit --no-fund)
dotnet build tests/Workflows.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet tests/Workflows.Benchmarks/bin/Release/net10.0/Workflows.Benchmarks.dll cases "$(pwd)" "${1:-2000}" "${2:-1000000}"
