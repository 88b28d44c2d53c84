#!/usr/bin/env bash
# Benchmarks (not tests): definitions load/validate against a YamlDotNet parse-only peer, in one run.
# Usage: ./bench.sh [ITEMS]   (default 1000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/setup.sh
workflows_setup
dotnet run -c Release --project tests/Workflows.Benchmarks -- "$(pwd)" "${1:-1000}"
