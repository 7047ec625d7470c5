using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing complaint takes its customer's owner; from now on each save that changes either does.
            migrationBuilder.Sql("""UPDATE x SET x.[CustomerOwnerId] = c.[OwnerId] FROM [Complaints] AS x INNER JOIN [Customers] AS c ON c.[Id] = x.[CustomerId];""");

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
