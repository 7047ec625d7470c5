using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "WinBackLapseFactor",
                table: "LoyaltyPolicies",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "CustomerStats",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purchases = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalAmount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    FirstPurchaseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastPurchaseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstPurchaseDay = table.Column<int>(type: "INTEGER", nullable: true),
                    LastPurchaseDay = table.Column<int>(type: "INTEGER", nullable: true),
                    CadenceDays = table.Column<double>(type: "REAL", nullable: true),
                    Complaints = table.Column<int>(type: "INTEGER", nullable: false),
                    RecurringComplaints = table.Column<int>(type: "INTEGER", nullable: false),
                    RatedComplaints = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralsMade = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralsWon = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerStats", x => x.CustomerId);
                    table.ForeignKey(
                        name: "FK_CustomerStats_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "LoyaltyPolicies",
                keyColumn: "Id",
                keyValue: 1,
                column: "WinBackLapseFactor",
                value: 2.0);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_LastPurchaseDay",
                table: "CustomerStats",
                column: "LastPurchaseDay");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_TotalAmount",
                table: "CustomerStats",
                column: "TotalAmount");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerStats");

            migrationBuilder.DropColumn(
                name: "WinBackLapseFactor",
                table: "LoyaltyPolicies");
        }
    }
}
