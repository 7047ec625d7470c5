using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SalesByMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerMonthSales",
                columns: table => new
                {
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Region = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Industry = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Purchases = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerMonthSales", x => new { x.CustomerId, x.Month, x.Category });
                    table.ForeignKey(
                        name: "FK_CustomerMonthSales_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing purchases get their month rows here; from now on every save keeps them (Persistence/MonthlySales.cs).
            // Filled before the indexes are built: one sort per index instead of random inserts.
            migrationBuilder.Sql("""
                INSERT INTO [CustomerMonthSales] ([CustomerId], [Month], [Category], [OwnerId], [Level], [Region], [Industry], [Amount], [Purchases])
                SELECT p.[CustomerId], DATEFROMPARTS(YEAR(p.[PurchasedOn]), MONTH(p.[PurchasedOn]), 1), p.[Category], c.[OwnerId], c.[Level], c.[Region], c.[Industry], SUM(p.[Amount]), COUNT(*)
                FROM [Purchases] AS p JOIN [Customers] AS c ON c.[Id] = p.[CustomerId]
                GROUP BY p.[CustomerId], DATEFROMPARTS(YEAR(p.[PurchasedOn]), MONTH(p.[PurchasedOn]), 1), p.[Category], c.[OwnerId], c.[Level], c.[Region], c.[Industry];
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonthSales_Month_OwnerId_Level_Region_Industry_Category_CustomerId_Amount",
                table: "CustomerMonthSales",
                columns: new[] { "Month", "OwnerId", "Level", "Region", "Industry", "Category", "CustomerId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerMonthSales_OwnerId_Month_Level_Region_Industry_Category_CustomerId_Amount",
                table: "CustomerMonthSales",
                columns: new[] { "OwnerId", "Month", "Level", "Region", "Industry", "Category", "CustomerId", "Amount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerMonthSales");
        }
    }
}
