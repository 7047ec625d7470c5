#!/usr/bin/env bash
# Adds a migration to both provider sets: scripts/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh NameOfChange}"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Crm.Api --context SqliteCrmDbContext --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --project src/Crm.Api --context SqlServerCrmDbContext --output-dir Persistence/Migrations/SqlServer
