#!/usr/bin/env bash
# Documents benchmark (not a test): our one-page 受理通知书 against the same notice as HTML printed to
# PDF by headless Chromium (playwright-core, Debian's chromium), measured side by side in one run.
# Usage: ./bench-documents.sh [RUNS]   (default 2000 renders for our single-core median)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/setup.sh
workflows_setup chromium util-linux
peer=tests/Workflows.DocumentBenchmarks/peer-chromium
if ! command -v node >/dev/null 2>&1; then
  workflows_install_packages nodejs npm
fi
[ -d "$peer/node_modules/playwright-core" ] || (cd "$peer" && npm ci --no-audit --no-fund)
dotnet build tests/Workflows.DocumentBenchmarks -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet tests/Workflows.DocumentBenchmarks/bin/Release/net10.0/Workflows.DocumentBenchmarks.dll "$(pwd)" "${1:-2000}"
