using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FewerSearchTermAndCustomerIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerSearchTerms_CustomerId",
                table: "CustomerSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_CustomerSearchTerms_SourceId",
                table: "CustomerSearchTerms");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Region",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSearchTerms_CustomerId_SourceId",
                table: "CustomerSearchTerms",
                columns: new[] { "CustomerId", "SourceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerSearchTerms_CustomerId_SourceId",
                table: "CustomerSearchTerms");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSearchTerms_CustomerId",
                table: "CustomerSearchTerms",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSearchTerms_SourceId",
                table: "CustomerSearchTerms",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Region",
                table: "Customers",
                column: "Region");
        }
    }
}
