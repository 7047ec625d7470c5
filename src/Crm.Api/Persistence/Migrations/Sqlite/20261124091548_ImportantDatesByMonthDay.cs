using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportantDatesByMonthDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MonthDay",
                table: "CustomerImportantDates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The dates there are get their month and day; new ones get them from ImportantDate.Date.
            migrationBuilder.Sql("""UPDATE "CustomerImportantDates" SET "MonthDay" = CAST(strftime('%m', "Date") AS INTEGER) * 100 + CAST(strftime('%d', "Date") AS INTEGER);""");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerImportantDates_MonthDay_CustomerId",
                table: "CustomerImportantDates",
                columns: new[] { "MonthDay", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerImportantDates_MonthDay_CustomerId",
                table: "CustomerImportantDates");

            migrationBuilder.DropColumn(
                name: "MonthDay",
                table: "CustomerImportantDates");
        }
    }
}
