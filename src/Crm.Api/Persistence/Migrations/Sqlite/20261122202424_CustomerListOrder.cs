using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ListOrder",
                table: "Customers",
                type: "TEXT",
                maxLength: 201,
                nullable: false,
                defaultValue: "");

            // Existing customers get their list order (referral leads first), as the application computes it on save.
            migrationBuilder.Sql(@"UPDATE ""Customers"" SET ""ListOrder"" = (CASE WHEN ""ReferredById"" IS NOT NULL AND ""Lifecycle"" = 'Prospect' THEN '0' ELSE '1' END) || ""Name"";");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ListOrder_Id",
                table: "Customers",
                columns: new[] { "ListOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_ListOrder_Id",
                table: "Customers",
                columns: new[] { "OwnerId", "ListOrder", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ListOrder_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_ListOrder_Id",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ListOrder",
                table: "Customers");
        }
    }
}
