using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CustomerOwnerLevelNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_Level_ArchivedAt",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_Level_ArchivedAt_Name_Id",
                table: "Customers",
                columns: new[] { "OwnerId", "Level", "ArchivedAt", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_Level_ArchivedAt_Name_Id",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_Level_ArchivedAt",
                table: "Customers",
                columns: new[] { "OwnerId", "Level", "ArchivedAt" });
        }
    }
}
