using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListFiltersInListOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ChainPosition",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_EnterpriseType",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Industry",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_IsAlerted",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_LeadSource",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Origin",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ChainPosition_ListOrder_Id",
                table: "Customers",
                columns: new[] { "ChainPosition", "ListOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_EnterpriseType_ListOrder_Id",
                table: "Customers",
                columns: new[] { "EnterpriseType", "ListOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Industry_ListOrder_Id",
                table: "Customers",
                columns: new[] { "Industry", "ListOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_IsAlerted_ListOrder_Id",
                table: "Customers",
                columns: new[] { "IsAlerted", "ListOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_LeadSource_ListOrder_Id",
                table: "Customers",
                columns: new[] { "LeadSource", "ListOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Origin_ListOrder_Id",
                table: "Customers",
                columns: new[] { "Origin", "ListOrder", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_ChainPosition_ListOrder_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_EnterpriseType_ListOrder_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Industry_ListOrder_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_IsAlerted_ListOrder_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_LeadSource_ListOrder_Id",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Origin_ListOrder_Id",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ChainPosition",
                table: "Customers",
                column: "ChainPosition");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_EnterpriseType",
                table: "Customers",
                column: "EnterpriseType");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Industry",
                table: "Customers",
                column: "Industry");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_IsAlerted",
                table: "Customers",
                column: "IsAlerted");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_LeadSource",
                table: "Customers",
                column: "LeadSource");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Origin",
                table: "Customers",
                column: "Origin");
        }
    }
}
