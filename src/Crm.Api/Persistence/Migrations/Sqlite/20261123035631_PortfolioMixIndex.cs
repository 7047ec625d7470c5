using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortfolioMixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_Lifecycle_ArchivedAt_Tier_Id",
                table: "Customers",
                columns: new[] { "OwnerId", "Lifecycle", "ArchivedAt", "Tier", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_Lifecycle_ArchivedAt_Tier_Id",
                table: "Customers");
        }
    }
}
