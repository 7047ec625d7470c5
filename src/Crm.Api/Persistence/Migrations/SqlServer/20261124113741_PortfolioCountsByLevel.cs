using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PortfolioCountsByLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The counts are made again with their level (Persistence/PortfolioCounts.cs): the table is recreated with
            // the level in its key and filled from the customers, as the migration that added it did.
            migrationBuilder.DropTable(
                name: "PortfolioCounts");

            migrationBuilder.CreateTable(
                name: "PortfolioCounts",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Lifecycle = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Customers = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioCounts", x => new { x.OwnerId, x.Lifecycle, x.Tier, x.Level });
                });

            migrationBuilder.Sql(global::Crm.Api.Persistence.PortfolioCounts.FillSql(sqlServer: true));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortfolioCounts");

            migrationBuilder.CreateTable(
                name: "PortfolioCounts",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Lifecycle = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Customers = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioCounts", x => new { x.OwnerId, x.Lifecycle, x.Tier });
                });

            migrationBuilder.Sql(global::Crm.Api.Persistence.PortfolioCounts.FillByTierSql(sqlServer: true));
        }
    }
}
