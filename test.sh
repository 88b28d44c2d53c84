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

web_built=1
workflows_web_build || { echo "web UI build failed: its test suites count as failed"; web_built=0; }

echo "==> building (Release)"
if ! dotnet build Workflows.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The web UI's generated contracts (designer/src/api/*.d.ts) must match the server's OpenAPI document
# and the definition JSON Schemas: regenerate into a temp folder and compare; a difference counts as a failure.
echo "==> generated contracts are current"
contracts="$(mktemp -d)"
if scripts/gen-api.sh "$contracts" >/dev/null; then
  for generated in schema.d.ts definitions.d.ts; do
    if ! diff -u "designer/src/api/$generated" "$contracts/$generated" >"$contracts/$generated.diff"; then
      echo "designer/src/api/$generated is out of date: run 'npm run gen:api' in designer/ and commit it (first lines of the difference below)"
      head -n 40 "$contracts/$generated.diff"
      failed_to_run=$((failed_to_run + 1))
    fi
  done
else
  echo "scripts/gen-api.sh failed: the generated contracts could not be checked"
  failed_to_run=$((failed_to_run + 1))
fi
rm -rf "$contracts"

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

# The web UI: unit tests (vitest, jsdom) and browser tests (playwright-core + Debian's chromium against
# the real server built above). Each writes a vitest JSON report; a suite without a report counts as one failure.
web_suites=(unit e2e)
if [ "$web_built" -eq 1 ]; then
  echo "--- web unit tests (designer/, vitest)"
  (cd designer && npm test --silent) || true
  echo "--- web browser tests (designer/e2e, chromium)"
  (cd designer && npm run e2e --silent) || true
fi

passed=0
failed=$failed_to_run
for suite in "${web_suites[@]}"; do
  report="$results/web-$suite.json"
  if [ ! -s "$report" ]; then
    echo "web $suite tests produced no report: counted as 1 failure"
    failed=$((failed + 1))
    continue
  fi
  read -r p f < <(node -e 'const r=require(process.argv[1]);console.log((r.numPassedTests||0)+" "+((r.numFailedTests||0)+(r.numTotalTestSuites>0&&r.numFailedTestSuites?r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length:0)))' "$PWD/$report" 2>/dev/null || echo "0 1")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-1}))
done
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
