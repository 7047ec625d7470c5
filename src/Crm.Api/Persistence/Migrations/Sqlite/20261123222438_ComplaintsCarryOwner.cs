using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplaintsCarryOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CustomerOwnerId",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing complaint takes its customer's owner; from now on each save that changes either does.
            migrationBuilder.Sql("""UPDATE "Complaints" SET "CustomerOwnerId" = (SELECT c."OwnerId" FROM "Customers" AS c WHERE c."Id" = "Complaints"."CustomerId");""");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CustomerOwnerId_Status_ResolutionDueAt_AtRiskFrom",
                table: "Complaints",
                columns: new[] { "CustomerOwnerId", "Status", "ResolutionDueAt", "AtRiskFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_CustomerOwnerId_Status_ResolutionDueAt_AtRiskFrom",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "CustomerOwnerId",
                table: "Complaints");
        }
    }
}
