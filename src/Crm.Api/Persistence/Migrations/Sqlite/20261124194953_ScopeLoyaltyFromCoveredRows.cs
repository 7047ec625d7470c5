using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScopeLoyaltyFromCoveredRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats");

            migrationBuilder.DropIndex(
                name: "IX_CustomerMonthSales_OwnerId_Month_Level_Region_Industry_Category_CustomerId_Amount",
                table: "CustomerMonthSales");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats",
                columns: new[] { "OwnerId", "LastPurchaseDay", "Lifecycle", "Purchases", "FirstPurchaseDay", "RatedComplaints", "SatisfactionTotal", "ReferralsMade", "CadenceDays", "CustomerId", "FirstPurchaseOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonthSales_OwnerId_Month_Level_Region_Industry_Category_CustomerId_Amount_Purchases",
                table: "CustomerMonthSales",
                columns: new[] { "OwnerId", "Month", "Level", "Region", "Industry", "Category", "CustomerId", "Amount", "Purchases" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats");

            migrationBuilder.DropIndex(
                name: "IX_CustomerMonthSales_OwnerId_Month_Level_Region_Industry_Category_CustomerId_Amount_Purchases",
                table: "CustomerMonthSales");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_Portfolio",
                table: "CustomerStats",
                columns: new[] { "OwnerId", "LastPurchaseDay", "Lifecycle", "Purchases", "FirstPurchaseDay", "RatedComplaints", "SatisfactionTotal", "ReferralsMade", "CadenceDays" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonthSales_OwnerId_Month_Level_Region_Industry_Category_CustomerId_Amount",
                table: "CustomerMonthSales",
                columns: new[] { "OwnerId", "Month", "Level", "Region", "Industry", "Category", "CustomerId", "Amount" });
        }
    }
}
