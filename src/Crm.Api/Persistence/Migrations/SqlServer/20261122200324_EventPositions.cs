using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EventPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitEvents_VisitId_At",
                table: "VisitEvents");

            migrationBuilder.DropIndex(
                name: "IX_ComplaintEvents_ComplaintId_At",
                table: "ComplaintEvents");

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "VisitEvents",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "ComplaintEvents",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_VisitEvents_VisitId_Position",
                table: "VisitEvents",
                columns: new[] { "VisitId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_ComplaintId_Position",
                table: "ComplaintEvents",
                columns: new[] { "ComplaintId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VisitEvents_VisitId_Position",
                table: "VisitEvents");

            migrationBuilder.DropIndex(
                name: "IX_ComplaintEvents_ComplaintId_Position",
                table: "ComplaintEvents");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "VisitEvents");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "ComplaintEvents");

            migrationBuilder.CreateIndex(
                name: "IX_VisitEvents_VisitId_At",
                table: "VisitEvents",
                columns: new[] { "VisitId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_ComplaintId_At",
                table: "ComplaintEvents",
                columns: new[] { "ComplaintId", "At" });
        }
    }
}
