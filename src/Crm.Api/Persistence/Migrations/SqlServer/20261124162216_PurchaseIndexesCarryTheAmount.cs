using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PurchaseIndexesCarryTheAmount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Purchases_CustomerId_PurchasedOn_Id",
                table: "Purchases");

            migrationBuilder.DropIndex(
                name: "IX_Purchases_PurchasedOn_Id",
                table: "Purchases");

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_CustomerId_PurchasedOn_Id_Amount",
                table: "Purchases",
                columns: new[] { "CustomerId", "PurchasedOn", "Id", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_PurchasedOn_Id_CustomerId_Amount",
                table: "Purchases",
                columns: new[] { "PurchasedOn", "Id", "CustomerId", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Purchases_CustomerId_PurchasedOn_Id_Amount",
                table: "Purchases");

            migrationBuilder.DropIndex(
                name: "IX_Purchases_PurchasedOn_Id_CustomerId_Amount",
                table: "Purchases");

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_CustomerId_PurchasedOn_Id",
                table: "Purchases",
                columns: new[] { "CustomerId", "PurchasedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_PurchasedOn_Id",
                table: "Purchases",
                columns: new[] { "PurchasedOn", "Id" });
        }
    }
}
