using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisitsCarryOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CustomerOwnerId",
                table: "Visits",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing visit takes its customer's owner; from now on each save that changes either does.
            migrationBuilder.Sql("""UPDATE "Visits" SET "CustomerOwnerId" = (SELECT c."OwnerId" FROM "Customers" AS c WHERE c."Id" = "Visits"."CustomerId");""");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_CustomerOwnerId_ActualStart_Status_ReviewStatus_Form_CustomerId",
                table: "Visits",
                columns: new[] { "CustomerOwnerId", "ActualStart", "Status", "ReviewStatus", "Form", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Visits_CustomerOwnerId_ActualStart_Status_ReviewStatus_Form_CustomerId",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "CustomerOwnerId",
                table: "Visits");
        }
    }
}
