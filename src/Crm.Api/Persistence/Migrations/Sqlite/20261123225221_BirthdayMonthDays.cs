using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BirthdayMonthDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BirthdayMonthDay",
                table: "Customers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BirthdayMonthDay",
                table: "Contacts",
                type: "INTEGER",
                nullable: true);

            // Existing birthdays get their month and day; from now on every save keeps it (Persistence/BirthdayMonthDays.cs).
            migrationBuilder.Sql("""UPDATE "Customers" SET "BirthdayMonthDay" = CAST(strftime('%m', "Birthday") AS INTEGER) * 100 + CAST(strftime('%d', "Birthday") AS INTEGER) WHERE "Birthday" IS NOT NULL;""");
            migrationBuilder.Sql("""UPDATE "Contacts" SET "BirthdayMonthDay" = CAST(strftime('%m', "Birthday") AS INTEGER) * 100 + CAST(strftime('%d', "Birthday") AS INTEGER) WHERE "Birthday" IS NOT NULL;""");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerId_BirthdayMonthDay",
                table: "Customers",
                columns: new[] { "OwnerId", "BirthdayMonthDay" },
                filter: "[BirthdayMonthDay] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_BirthdayMonthDay_CustomerId",
                table: "Contacts",
                columns: new[] { "BirthdayMonthDay", "CustomerId" },
                filter: "[BirthdayMonthDay] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerId_BirthdayMonthDay",
                table: "Customers");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_BirthdayMonthDay_CustomerId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "BirthdayMonthDay",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "BirthdayMonthDay",
                table: "Contacts");
        }
    }
}
