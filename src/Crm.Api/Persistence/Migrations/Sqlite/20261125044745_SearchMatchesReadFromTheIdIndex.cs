using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchMatchesReadFromTheIdIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Id_OwnerId",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Id_OwnerId_ArchivedAt_ListOrder",
                table: "Customers",
                columns: new[] { "Id", "OwnerId", "ArchivedAt", "ListOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Id_OwnerId_ArchivedAt_ListOrder",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Id_OwnerId",
                table: "Customers",
                columns: new[] { "Id", "OwnerId" });
        }
    }
}
