#!/usr/bin/env bash
# Lists vulnerable and deprecated dependencies of the API (NuGet, transitive included) and the SPA's runtime
# dependencies (npm audit --omit=dev), and fails on a high or critical vulnerability, or a package deprecated for
# critical bugs, unless security/audit-allowlist.txt names it with a reason.
#
# Three checks, each counted as one test in .artifacts/audit-totals ("passed failed skipped"):
#   nuget-vulnerable, nuget-deprecated, npm-audit.
# A check whose feed cannot be reached, or does not publish the data (a package mirror without vulnerability or
# deprecation data), is reported as "NOT CHECKED" with the reason and counted as skipped: it neither passes silently
# nor fails the build for something the code did not do. CRM_AUDIT_REQUIRE_FEEDS=1 (for a CI with internet access)
# turns NOT CHECKED into a failure. See docs/security.md.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p .artifacts
totals="$root/.artifacts/audit-totals"
allowlist="$root/security/audit-allowlist.txt"
require_feeds="${CRM_AUDIT_REQUIRE_FEEDS:-0}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
passed=0; failed=0; skipped=0

pass() { echo "   PASSED: $1"; passed=$((passed + 1)); }
fail() { echo "   FAILED: $1"; failed=$((failed + 1)); }
not_checked() {
  if [ "$require_feeds" = "1" ]; then fail "$1 (CRM_AUDIT_REQUIRE_FEEDS=1)"; else echo "   NOT CHECKED: $1"; skipped=$((skipped + 1)); fi
}

# The allow-list: "<ecosystem>:<package or advisory id> <reason>" per line; a reason is required.
if [ -f "$allowlist" ]; then
  bad=$(grep -vE '^\s*(#|$)' "$allowlist" | grep -vE '^(nuget|npm):[^ ]+ +[^ ].{9,}' || true)
  if [ -n "$bad" ]; then echo "security/audit-allowlist.txt: every entry needs '<ecosystem>:<id> <reason of 10+ characters>':"; echo "$bad"; failed=$((failed + 1)); fi
fi
allowed() { [ -f "$allowlist" ] && grep -qiE "^$1:$(printf '%s' "$2" | sed 's/[.[\*^$/]/\\&/g') " "$allowlist"; }

# Reads "ecosystem<TAB>package<TAB>advisory<TAB>severity<TAB>detail" lines; fails on high/critical not allowed.
judge() {
  local name="$1" report="$2" blocking=0
  while IFS=$'\t' read -r eco package advisory severity detail; do
    [ -z "$package" ] && continue
    local mark=""
    case "${severity,,}" in high|critical|criticalbugs)
      if allowed "$eco" "$package" || allowed "$eco" "$advisory"; then mark=" (allowed: see security/audit-allowlist.txt)"; else mark=" <- blocks"; blocking=$((blocking + 1)); fi ;;
    esac
    echo "   $package  $severity  $advisory $detail$mark"
  done < "$report"
  if [ "$blocking" -gt 0 ]; then fail "$name: $blocking high or critical finding(s) not in the allow-list"; else pass "$name ($(grep -c . "$report" || true) finding(s), none blocking)"; fi
}

echo "== dependencies: NuGet"
sources=$(dotnet nuget list source --format short 2>/dev/null | awk '$1 == "E" { print $2 }')
vulnerability_data=1; reason=""
for source in $sources; do
  case "$source" in
    http*) index=$(curl -fsS -m 20 "$source" 2>/dev/null) || { vulnerability_data=0; reason="$source did not answer"; continue; }
           grep -q '"VulnerabilityInfo' <<<"$index" || { vulnerability_data=0; reason="$source publishes no vulnerability data (no VulnerabilityInfo resource: a mirror)"; } ;;
    *) vulnerability_data=0; reason="$source is a local folder without vulnerability data" ;;
  esac
done
[ -z "$sources" ] && { vulnerability_data=0; reason="no NuGet source is enabled"; }

nuget_report() { # $1 = --vulnerable | --deprecated ; writes TSV lines
  local json="$root/.artifacts/audit-nuget$1.json"
  dotnet list Crm.Api.sln package "$1" --include-transitive --format json >"$json" 2>"$json.err" || { cat "$json.err"; return 1; }
  node -e '
    const r = require(process.argv[1]); const seen = new Set();
    for (const p of r.projects || []) for (const f of p.frameworks || [])
      for (const pkg of [...(f.topLevelPackages || []), ...(f.transitivePackages || [])]) {
        for (const v of pkg.vulnerabilities || []) {
          const line = ["nuget", pkg.id, v.advisoryurl, v.severity, pkg.resolvedVersion].join("\t");
          if (!seen.has(line)) { seen.add(line); console.log(line); }
        }
        if (pkg.deprecationReasons) {
          const reasons = pkg.deprecationReasons.join(",");
          const line = ["nuget", pkg.id, "deprecated", reasons.includes("CriticalBugs") ? "CriticalBugs" : reasons,
            pkg.resolvedVersion + (pkg.alternativePackage ? " use " + pkg.alternativePackage.id : "")].join("\t");
          if (!seen.has(line)) { seen.add(line); console.log(line); }
        }
      }' "$json"
}

if [ "$vulnerability_data" = "1" ]; then
  if nuget_report --vulnerable >"$root/.artifacts/audit-nuget-vulnerable.tsv"; then judge "nuget-vulnerable" "$root/.artifacts/audit-nuget-vulnerable.tsv"
  else fail "nuget-vulnerable: dotnet list package --vulnerable failed"; fi
else
  not_checked "nuget-vulnerable: $reason"
fi

# Deprecation lives in the registration metadata; a mirror may serve it without the "deprecation" field. A package
# deprecated on nuget.org since 2021 (WindowsAzure.Storage, Legacy) tells whether this source carries it.
deprecation_data=0
registration=$(curl -fsS -m 20 "${sources%% *}" 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const r=JSON.parse(s).resources.find(x=>x["@type"].startsWith("RegistrationsBaseUrl/3.6.0"));console.log(r?r["@id"]:"")}catch{console.log("")}})')
if [ -n "$registration" ] && curl -fsS -m 20 --compressed "${registration}windowsazure.storage/index.json" 2>/dev/null | grep -q '"deprecation"'; then deprecation_data=1; fi
if [ "$deprecation_data" = "1" ]; then
  if nuget_report --deprecated >"$root/.artifacts/audit-nuget-deprecated.tsv"; then judge "nuget-deprecated" "$root/.artifacts/audit-nuget-deprecated.tsv"
  else fail "nuget-deprecated: dotnet list package --deprecated failed"; fi
else
  not_checked "nuget-deprecated: the NuGet source serves no deprecation metadata (checked with WindowsAzure.Storage, deprecated since 2021)"
fi

echo "== dependencies: npm (web/, runtime dependencies only)"
if [ -f web/package-lock.json ]; then
  audit_json="$root/.artifacts/audit-npm.json"
  (cd web && npm audit --omit=dev --json >"$audit_json" 2>"$audit_json.err")
  if node -e 'const r=require(process.argv[1]); process.exit(r.error || !r.metadata ? 1 : 0)' "$audit_json" 2>/dev/null; then
    node -e '
      const r = require(process.argv[1]);
      for (const [name, v] of Object.entries(r.vulnerabilities || {})) {
        const ids = (v.via || []).filter(x => typeof x === "object").map(x => (x.url || "").split("/").pop()).filter(Boolean);
        console.log(["npm", name, ids.join(",") || "-", v.severity, v.range || ""].join("\t"));
      }' "$audit_json" >"$root/.artifacts/audit-npm.tsv"
    judge "npm-audit" "$root/.artifacts/audit-npm.tsv"
  else
    why=$(node -e 'try{const r=require(process.argv[1]);console.log((r.error&&(r.error.summary||r.error.code))||r.message||"no report")}catch{console.log("no report")}' "$audit_json" 2>/dev/null)
    not_checked "npm-audit: the registry's audit endpoint did not answer ($why)"
  fi
else
  not_checked "npm-audit: web/package-lock.json not found"
fi

echo "$passed $failed $skipped" >"$totals"
echo "dependencies: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
