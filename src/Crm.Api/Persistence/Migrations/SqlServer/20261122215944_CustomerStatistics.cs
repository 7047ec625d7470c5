using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
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
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "CustomerStats",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Purchases = table.Column<int>(type: "int", nullable: false),
                    TotalAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    FirstPurchaseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastPurchaseOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstPurchaseDay = table.Column<int>(type: "int", nullable: true),
                    LastPurchaseDay = table.Column<int>(type: "int", nullable: true),
                    CadenceDays = table.Column<double>(type: "float", nullable: true),
                    Complaints = table.Column<int>(type: "int", nullable: false),
                    RecurringComplaints = table.Column<int>(type: "int", nullable: false),
                    RatedComplaints = table.Column<int>(type: "int", nullable: false),
                    SatisfactionTotal = table.Column<int>(type: "int", nullable: false),
                    ReferralsMade = table.Column<int>(type: "int", nullable: false),
                    ReferralsWon = table.Column<int>(type: "int", nullable: false)
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
