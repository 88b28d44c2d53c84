#!/usr/bin/env bash
# Sets up a fresh Debian machine like run.sh, builds everything and runs every test suite.
# Ends with one line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/setup.sh
workflows_setup
source scripts/postgres-test.sh
trap postgres_test_stop EXIT

results=.test-results
rm -rf "$results"
mkdir -p "$results"
failed_to_run=0

echo "==> building (Release)"
if ! dotnet build Workflows.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The PostgreSQL storage suite runs on a throwaway cluster (loopback port, temp dir); without it those tests fail.
postgres_test_start || echo "PostgreSQL did not start: the PostgreSQL storage tests will fail"

echo "==> .NET test suites"
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "--- $name"
  if ! dotnet test "$project" -c Release --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$results"; then
    # A failing test is counted from the trx; a run that produced no trx (crash, hang) counts as one failure.
    [ -f "$results/$name.trx" ] || failed_to_run=$((failed_to_run + 1))
  fi
done

passed=0
failed=$failed_to_run
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")
  a=$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
