#!/usr/bin/env bash
# Regenerates openapi.yaml from the running code (the contract test writes it when CRM_UPDATE_OPENAPI=1).
set -euo pipefail
cd "$(dirname "$0")/.."
CRM_UPDATE_OPENAPI=1 dotnet test --project tests/Crm.Api.IntegrationTests --filter-method "*The_committed_contract_matches_the_generated_document" >/dev/null || true
CRM_UPDATE_OPENAPI=0 dotnet test --project tests/Crm.Api.IntegrationTests --no-build --filter-method "*The_committed_contract_matches_the_generated_document" | tail -5
if [ -f web/package.json ]; then (cd web && npm run --silent generate-api); fi
echo "openapi.yaml regenerated."
