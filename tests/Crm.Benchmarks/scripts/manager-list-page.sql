-- The manager's list page of the load scenario `customers-list` (level 2, Active, sorted by name, the first team's
-- owners), as EF Core sends it with its parameters written in. Time it with both page-cache sizes:
--   dotnet run -c Release --no-build --project tests/Crm.Benchmarks -- sql --file tests/Crm.Benchmarks/scripts/manager-list-page.sql --cache-kib 2048
--   dotnet run -c Release --no-build --project tests/Crm.Benchmarks -- sql --file tests/Crm.Benchmarks/scripts/manager-list-page.sql --cache-kib 4096
SELECT "c0"."Id", "c0"."Code", "c0"."Name", "c0"."Kind", "c0"."Level", "c0"."IsKeyAccount", "c0"."Lifecycle", CASE
    WHEN "c0"."Lifecycle" = 'Prospect' THEN 1
    ELSE 0
END AS "State", "c0"."Region", "c0"."Industry", "c0"."Phone", "c0"."Points", "c0"."Tier", "c0"."IsAlerted", "c0"."ReferredById" IS NOT NULL AND "c0"."Lifecycle" = 'Prospect' AS "IsPriorityLead", "c0"."OwnerId", "c0"."CreatedAt", "c0"."UpdatedAt", "c0"."Version", (
    SELECT "c1"."Name"
    FROM "Contacts" AS "c1"
    WHERE "c1"."CustomerOwnerId" IN (
        SELECT "e0"."value"
        FROM json_each((SELECT json_group_array("Id") FROM "AspNetUsers" WHERE "TeamId" = (SELECT "TeamId" FROM "AspNetUsers" WHERE "TeamId" IS NOT NULL ORDER BY "TeamId" LIMIT 1))) AS "e0"
    ) AND "c0"."Id" = "c1"."CustomerId" AND "c1"."IsPrimary"
    LIMIT 1) AS "PrimaryContactName", "a"."DisplayName" AS "OwnerName"
FROM (
    SELECT "c"."Id", "c"."Code", "c"."CreatedAt", "c"."Industry", "c"."IsAlerted", "c"."IsKeyAccount", "c"."Kind", "c"."Level", "c"."Lifecycle", "c"."Name", "c"."OwnerId", "c"."Phone", "c"."Points", "c"."ReferredById", "c"."Region", "c"."Tier", "c"."UpdatedAt", "c"."Version"
    FROM "Customers" AS "c"
    WHERE "c"."OwnerId" IN (
        SELECT "e"."value"
        FROM json_each((SELECT json_group_array("Id") FROM "AspNetUsers" WHERE "TeamId" = (SELECT "TeamId" FROM "AspNetUsers" WHERE "TeamId" IS NOT NULL ORDER BY "TeamId" LIMIT 1))) AS "e"
    ) AND likely("c"."ArchivedAt" IS NULL) AND "c"."Level" = 2 AND "c"."Lifecycle" = 'Active'
    ORDER BY "c"."Name", "c"."Id"
    LIMIT 51
) AS "c0"
INNER JOIN "AspNetUsers" AS "a" ON "c0"."OwnerId" = "a"."Id"
ORDER BY "c0"."Name", "c0"."Id"
