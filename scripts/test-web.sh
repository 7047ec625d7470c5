#!/usr/bin/env bash
# The SPA's tests: static checks, Vitest, then Playwright end-to-end against the real API on a fresh
# demo-seeded SQLite database. Writes ".artifacts/web-totals" as "passed failed skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p .artifacts
totals="$root/.artifacts/web-totals"
echo "0 1 0" > "$totals"   # until the suites report, count the run as one failure

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium (apt)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null || { echo "chromium install failed"; exit 1; }
fi
# Chinese glyphs for the screenshots (without a CJK font they render as boxes).
if ! fc-list 2>/dev/null | grep -qi "wqy\|noto sans cjk"; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || echo "note: no CJK font; screenshots show boxes"
fi

cd web
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null || true)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund || exit 1
  echo "$lock_hash" > node_modules/.lock-hash
fi

echo "== web: check (schema drift, tsc, eslint)"
npm run --silent check || { echo "web check failed"; exit 1; }

passed=0; failed=0; skipped=0
add_vitest_totals() { # reads vitest's JSON report
  local report="$1"
  if [ ! -s "$report" ]; then failed=$((failed + 1)); return; fi
  read -r p f s < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites && !r.testResults.length ? 1 : 0), r.numPendingTests + r.numTodoTests)' "$report")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

echo "== web: vitest"
rm -f "$root/.artifacts/web-unit.json"
npx vitest run --reporter=default --reporter=json --outputFile.json="$root/.artifacts/web-unit.json"
add_vitest_totals "$root/.artifacts/web-unit.json"
cd "$root"

echo "== web: build SPA into wwwroot and the API (Release)"
if ! bash scripts/build-web.sh >/dev/null; then echo "SPA build failed"; echo "$passed $((failed + 1)) $skipped" > "$totals"; exit 1; fi
if ! dotnet build "$root/src/Crm.Api" -c Release -nologo -v quiet >"$root/.artifacts/web-api-build.log" 2>&1; then
  tail -20 "$root/.artifacts/web-api-build.log"; echo "API build failed"; echo "$passed $((failed + 1)) $skipped" > "$totals"; exit 1
fi

tmp=$(mktemp -d)
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "== web: starting the API on 127.0.0.1:$port (fresh SQLite in $tmp)"
ASPNETCORE_ENVIRONMENT=Development Crm__Demo__Seed=true Crm__Demo__Password='Demo-2026!' \
  ConnectionStrings__Crm="Data Source=$tmp/crm.db" \
  dotnet "$root/src/Crm.Api/bin/Release/net10.0/Crm.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Crm.Api" \
  >"$root/.artifacts/web-api.log" 2>&1 &
api_pid=$!
ready=0
for _ in $(seq 1 60); do
  if curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  if ! kill -0 "$api_pid" 2>/dev/null; then break; fi
  sleep 1
done
if [ "$ready" -ne 1 ]; then
  tail -20 "$root/.artifacts/web-api.log"; echo "API did not become ready"
  echo "$passed $((failed + 1)) $skipped" > "$totals"; exit 1
fi

echo "== web: e2e (playwright-core + /usr/bin/chromium)"
cd web
rm -f "$root/.artifacts/web-e2e.json"
E2E_BASE_URL="http://127.0.0.1:$port" timeout 900 npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$root/.artifacts/web-e2e.json"
add_vitest_totals "$root/.artifacts/web-e2e.json"

echo "$passed $failed $skipped" > "$totals"
echo "web: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
