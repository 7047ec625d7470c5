using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
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
                    JobId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", maxLength: 100000000, nullable: false)
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
            migrationBuilder.Sql("INSERT INTO [ImportFiles] ([JobId], [Content]) SELECT [Id], [Content] FROM [ImportJobs] WHERE [Content] <> N''");

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
                type: "nvarchar(max)",
                maxLength: 100000000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE j SET [Content] = f.[Content] FROM [ImportJobs] j JOIN [ImportFiles] f ON f.[JobId] = j.[Id]");

            migrationBuilder.DropTable(
                name: "ImportFiles");
        }
    }
}
