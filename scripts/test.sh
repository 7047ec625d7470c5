#!/usr/bin/env bash
# Runs every test suite and ends with one line: "N passed, N failed, N skipped" summed over all of them.
# Exits non-zero when any test fails or a suite cannot run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .artifacts
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

passed=0; failed=0; skipped=0; status=0

add_mtp_totals() { # reads "succeeded: N" / "failed: N" / "skipped: N" from a Microsoft.Testing.Platform summary
  local log="$1"
  local s f k
  s=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{t+=$2} END {print t+0}')
  f=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{t+=$2} END {print t+0}')
  k=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{t+=$2} END {print t+0}')
  passed=$((passed + s)); failed=$((failed + f)); skipped=$((skipped + k))
}

echo "== .NET: build"
if ! dotnet build Crm.Api.sln -c Release -warnaserror 2>&1 | tee .artifacts/build.log | grep -E "error|Warn|Elapsed" ; then :; fi
if [ "${PIPESTATUS[0]}" -ne 0 ]; then echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; fi

for project in tests/Crm.Api.UnitTests tests/Crm.Api.IntegrationTests; do
  name=$(basename "$project")
  echo "== .NET: $name"
  dotnet test --project "$project" -c Release --no-build 2>&1 | tee ".artifacts/$name.log" | grep -E "^(failed|skipped) |^\s+(total|failed|succeeded|skipped):|Test run summary" | grep -v "^skipped " || true
  rc=${PIPESTATUS[0]}
  if [ "$rc" -ne 0 ]; then status=1; grep -A8 "^failed " ".artifacts/$name.log" | head -80; fi
  if ! grep -q "Test run summary" ".artifacts/$name.log"; then echo "$name did not run"; failed=$((failed + 1)); fi
  add_mtp_totals ".artifacts/$name.log"
  reason=$(grep -m1 -A1 "^skipped " ".artifacts/$name.log" | tail -1 | sed 's/^ *//')
  [ -n "$reason" ] && echo "   skipped because: $reason"
done

echo "== Contract: spectral lint of openapi.yaml (.spectral.yaml: spectral:oas + OWASP), one test"
if bash scripts/lint-contract.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

# The benchmark harness on a small database (tests/Crm.Benchmarks, docs/performance.md): it generates 10,000
# customers, starts the API and sends every scenario for two seconds. A scenario passes when it answers without errors.
echo "== .NET: benchmark smoke"
rm -f .artifacts/bench-totals
dotnet run -c Release --no-build --project tests/Crm.Benchmarks -- smoke > .artifacts/bench-smoke.log 2>&1
rc=$?
grep -E "req/s|^smoke:|done in" .artifacts/bench-smoke.log | sed 's/^ */   /'
if [ -f .artifacts/bench-totals ]; then
  read -r bp bf bs < .artifacts/bench-totals
  passed=$((passed + bp)); failed=$((failed + bf)); skipped=$((skipped + bs))
  [ "$bf" -gt 0 ] && grep "first error" .artifacts/bench-smoke.log | head -10
else
  echo "benchmark smoke did not run (exit $rc)"; tail -30 .artifacts/bench-smoke.log; failed=$((failed + 1))
fi

if [ -f web/package.json ]; then
  echo "== Web"
  if ! bash scripts/test-web.sh; then status=1; fi
  if [ -f .artifacts/web-totals ]; then
    read -r wp wf ws < .artifacts/web-totals
    passed=$((passed + wp)); failed=$((failed + wf)); skipped=$((skipped + ws))
  fi
fi

echo "== Dependencies (scripts/audit-deps.sh)"
rm -f .artifacts/audit-totals
if ! bash scripts/audit-deps.sh; then status=1; fi
if [ -f .artifacts/audit-totals ]; then
  read -r dp df ds < .artifacts/audit-totals
  passed=$((passed + dp)); failed=$((failed + df)); skipped=$((skipped + ds))
else
  echo "the dependency audit did not run"; failed=$((failed + 1))
fi

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
