using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompositionCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Clustered on its key (WITHOUT ROWID, which EF Core cannot declare): a cell is one B-tree entry instead of a
            // row and an index entry, so a save writes half the pages and a report reads amounts and counts from the key's
            // own B-tree. The columns and key are what EF Core would create (the model snapshot is unchanged).
            migrationBuilder.Sql("""
                CREATE TABLE "CompositionCells" (
                    "Dimension" INTEGER NOT NULL,
                    "OwnerId" TEXT NOT NULL,
                    "Month" TEXT NOT NULL,
                    "Key" TEXT NOT NULL,
                    "PreviousMonth" TEXT NOT NULL,
                    "Amount" REAL NOT NULL,
                    "Customers" INTEGER NOT NULL,
                    CONSTRAINT "PK_CompositionCells" PRIMARY KEY ("Dimension", "OwnerId", "Month", "Key", "PreviousMonth")
                ) WITHOUT ROWID;
                """);

            // The cells of the sales there are, from the month rows; from now on every save keeps them (Persistence/CompositionCells.cs).
            migrationBuilder.Sql(global::Crm.Api.Persistence.CompositionCells.FillSql(sqlServer: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompositionCells");
        }
    }
}
