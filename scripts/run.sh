#!/usr/bin/env bash
# Starts the whole product on the embedded SQLite database with demo data:
# the API, the built SPA (same origin) and Swagger UI on http://127.0.0.1:${PORT:-5080}.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port="${PORT:-5080}"
password="${CRM_DEMO_PASSWORD:-Demo-2026!}"

if [ -f web/package.json ]; then
  echo "Building the web app..."
  bash scripts/build-web.sh
fi

echo
echo "  CRM is starting on http://127.0.0.1:${port}"
echo "  Swagger UI:        http://127.0.0.1:${port}/swagger"
echo "  Sign in as admin@demo.crm with password: ${password}"
echo "  (also manager1@, rep1@..rep6@, service@, analyst@demo.crm with the same password)"
echo
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Crm__Demo__Seed=true Crm__Demo__Password="$password" Crm__SwaggerUi=true
exec dotnet run --project src/Crm.Api -c Release --urls "http://127.0.0.1:${port}"
