#!/usr/bin/env bash
# Builds the SPA (web/) and puts it where the API serves it from: src/Crm.Api/wwwroot.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

cd web
# npm ci only when node_modules was not installed from this exact package-lock.json.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-hash 2>/dev/null || true)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi
npm run build

wwwroot="$root/src/Crm.Api/wwwroot"
rm -rf "$wwwroot"
mkdir -p "$wwwroot"
cp -R dist/. "$wwwroot/"
echo "SPA copied to src/Crm.Api/wwwroot"
