#!/usr/bin/env bash
# Lints the contract (openapi.yaml) with Spectral: spectral:oas plus the OWASP API security ruleset, configured in
# .spectral.yaml. Installs the pinned tools (tools/contract) when their lock file changes, writes the full report to
# .artifacts/spectral.txt and prints the summary. Exits non-zero when there is an error (warnings are reported only).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p .artifacts
report="$root/.artifacts/spectral.txt"
export SCARF_ANALYTICS=false   # a dependency's install-time telemetry: off

cd tools/contract
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null || true)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund >"$root/.artifacts/contract-npm.log" 2>&1 || { tail -20 "$root/.artifacts/contract-npm.log"; echo "npm ci failed in tools/contract"; exit 2; }
  echo "$lock_hash" > node_modules/.lock-hash
fi

# .spectral.yaml extends an npm package, which Spectral looks up from the ruleset's folder: point Node at ours.
NODE_PATH="$PWD/node_modules" ./node_modules/.bin/spectral lint "$root/openapi.yaml" --ruleset "$root/.spectral.yaml" \
  --fail-severity error >"$report" 2>&1
rc=$?

# Per rule: "<count> <severity> <rule>", then Spectral's own summary line.
awk '$2 ~ /^(error|warning|information|hint)$/ {print $2, $3}' "$report" | sort | uniq -c | sort -k2,2 -k1,1nr | sed 's/^ */   /'
grep -E "problems \(|No results" "$report" | sed 's/^/   /' || true
if [ "$rc" -ne 0 ]; then
  grep -E "^\s+[0-9]+:[0-9]+\s+error" "$report" | head -40
  [ -s "$report" ] && ! grep -qE "problems \(" "$report" && tail -20 "$report"
  echo "contract lint failed (see .artifacts/spectral.txt)"
fi
exit "$rc"
