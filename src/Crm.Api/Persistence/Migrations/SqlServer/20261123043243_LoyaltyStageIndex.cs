using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LoyaltyStageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CustomerStats_CustomerId_Purchases_FirstPurchaseDay_LastPurchaseDay_RatedComplaints_SatisfactionTotal_ReferralsMade",
                table: "CustomerStats",
                columns: new[] { "CustomerId", "Purchases", "FirstPurchaseDay", "LastPurchaseDay", "RatedComplaints", "SatisfactionTotal", "ReferralsMade" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerStats_CustomerId_Purchases_FirstPurchaseDay_LastPurchaseDay_RatedComplaints_SatisfactionTotal_ReferralsMade",
                table: "CustomerStats");
        }
    }
}
