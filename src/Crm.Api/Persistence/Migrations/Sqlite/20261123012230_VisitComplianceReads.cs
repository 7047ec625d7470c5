using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitComplianceReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastVisitAt",
                table: "CustomerStats",
                type: "TEXT",
                nullable: true);

            // Existing visits set the kept last visit here (a customer with visits but no statistics row yet gets one);
            // from now on every save keeps it (Persistence/CustomerStatistics.cs).
            migrationBuilder.Sql("""
                UPDATE "CustomerStats" SET "LastVisitAt" = (SELECT MAX(v."ActualStart") FROM "Visits" AS v
                    WHERE v."CustomerId" = "CustomerStats"."CustomerId" AND v."Status" = 'Completed' AND v."ReviewStatus" IN ('PendingReview', 'Approved'));
                INSERT INTO "CustomerStats" ("CustomerId", "Purchases", "TotalAmount", "Complaints", "RecurringComplaints", "RatedComplaints", "SatisfactionTotal", "ReferralsMade", "ReferralsWon", "LastVisitAt")
                SELECT v."CustomerId", 0, 0, 0, 0, 0, 0, 0, 0, MAX(v."ActualStart") FROM "Visits" AS v
                WHERE v."Status" = 'Completed' AND v."ReviewStatus" IN ('PendingReview', 'Approved') AND NOT EXISTS (SELECT 1 FROM "CustomerStats" AS s WHERE s."CustomerId" = v."CustomerId")
                GROUP BY v."CustomerId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ActualStart_Status_ReviewStatus_Form_CustomerId",
                table: "Visits",
                columns: new[] { "ActualStart", "Status", "ReviewStatus", "Form", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_Level_ArchivedAt",
                table: "Customers",
                columns: new[] { "OwnerId", "Level", "ArchivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Region_Level_CreatedAt_Id",
                table: "Customers",
                columns: new[] { "Region", "Level", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_ActualStart_Status_ReviewStatus_Form_CustomerId",
                table: "Visits");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_Level_ArchivedAt",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Region_Level_CreatedAt_Id",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "LastVisitAt",
                table: "CustomerStats");
        }
    }
}
