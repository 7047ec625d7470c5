using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LoyaltyStagesCountedOnWrite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats");

            migrationBuilder.CreateTable(
                name: "LoyaltyStageCounts",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RepeatOverAYear = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatWithPositiveSignals = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastPurchaseBlock = table.Column<int>(type: "INTEGER", nullable: false),
                    Customers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltyStageCounts", x => new { x.OwnerId, x.RepeatOverAYear, x.RepeatWithPositiveSignals, x.LastPurchaseBlock });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats",
                columns: new[] { "OwnerId", "LastPurchaseDay", "Lifecycle", "Purchases", "FirstPurchaseDay", "RatedComplaints", "SatisfactionTotal", "ReferralsMade", "CadenceDays" });

            // The counts of the statistics rows there are.
            migrationBuilder.Sql(global::Crm.Api.Persistence.LoyaltyStageCounts.FillSql(sqlServer: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoyaltyStageCounts");

            migrationBuilder.DropIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats",
                columns: new[] { "OwnerId", "Lifecycle", "Purchases", "FirstPurchaseDay", "LastPurchaseDay", "RatedComplaints", "SatisfactionTotal", "ReferralsMade", "CadenceDays" });
        }
    }
}
