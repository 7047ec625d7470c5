using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportFileApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportFiles",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 100000000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportFiles", x => x.JobId);
                    table.ForeignKey(
                        name: "FK_ImportFiles_ImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "ImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // A queued or running import keeps its file through the upgrade.
            migrationBuilder.Sql("INSERT INTO \"ImportFiles\" (\"JobId\", \"Content\") SELECT \"Id\", \"Content\" FROM \"ImportJobs\" WHERE \"Content\" <> ''");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "ImportJobs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "ImportJobs",
                type: "TEXT",
                maxLength: 100000000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"ImportJobs\" SET \"Content\" = (SELECT f.\"Content\" FROM \"ImportFiles\" f WHERE f.\"JobId\" = \"ImportJobs\".\"Id\") WHERE \"Id\" IN (SELECT \"JobId\" FROM \"ImportFiles\")");

            migrationBuilder.DropTable(
                name: "ImportFiles");
        }
    }
}
