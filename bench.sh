#!/usr/bin/env bash
# Benchmarks (not tests), each against its peer in one run:
#   ./bench.sh [ITEMS]              definitions load/validate against a YamlDotNet parse-only peer (default 1000 items)
#   ./bench.sh conditions [ROUNDS]  the sample county's scripts on the sandbox's fast path against its guarded path (default 21 rounds)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/setup.sh
workflows_setup
if [ "${1:-}" = "conditions" ]; then
  dotnet run -c Release --project tests/Workflows.Benchmarks -- conditions "$(pwd)" "${2:-21}"
  exit
fi
dotnet run -c Release --project tests/Workflows.Benchmarks -- "$(pwd)" "${1:-1000}"
