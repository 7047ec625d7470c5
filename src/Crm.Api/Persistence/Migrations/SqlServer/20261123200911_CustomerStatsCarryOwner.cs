using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CustomerStatsCarryOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerStats_CustomerId_Purchases_FirstPurchaseDay_LastPurchaseDay_RatedComplaints_SatisfactionTotal_ReferralsMade",
                table: "CustomerStats");

            migrationBuilder.AddColumn<string>(
                name: "Lifecycle",
                table: "CustomerStats",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerId",
                table: "CustomerStats",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing row takes its customer's owner and lifecycle; from now on the save that changes them does.
            migrationBuilder.Sql("""UPDATE s SET s.[OwnerId] = c.[OwnerId], s.[Lifecycle] = c.[Lifecycle] FROM [CustomerStats] AS s INNER JOIN [Customers] AS c ON c.[Id] = s.[CustomerId];""");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats",
                columns: new[] { "OwnerId", "Lifecycle", "Purchases", "FirstPurchaseDay", "LastPurchaseDay", "RatedComplaints", "SatisfactionTotal", "ReferralsMade", "CadenceDays" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats");

            migrationBuilder.DropColumn(
                name: "Lifecycle",
                table: "CustomerStats");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "CustomerStats");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_CustomerId_Purchases_FirstPurchaseDay_LastPurchaseDay_RatedComplaints_SatisfactionTotal_ReferralsMade",
                table: "CustomerStats",
                columns: new[] { "CustomerId", "Purchases", "FirstPurchaseDay", "LastPurchaseDay", "RatedComplaints", "SatisfactionTotal", "ReferralsMade" });
        }
    }
}
