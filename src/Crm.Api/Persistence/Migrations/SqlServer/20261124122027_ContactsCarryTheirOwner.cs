using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ContactsCarryTheirOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_BirthdayMonthDay_CustomerId",
                table: "Contacts");

            migrationBuilder.AddColumn<Guid>(
                name: "CustomerOwnerId",
                table: "Contacts",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every contact takes its customer's owner; from now on every save keeps the copy (Persistence/OwnerCopies.cs).
            migrationBuilder.Sql("""UPDATE t SET t.[CustomerOwnerId] = c.[OwnerId] FROM [Contacts] AS t INNER JOIN [Customers] AS c ON c.[Id] = t.[CustomerId];""");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_BirthdayMonthDay_CustomerOwnerId_CustomerId",
                table: "Contacts",
                columns: new[] { "BirthdayMonthDay", "CustomerOwnerId", "CustomerId" },
                filter: "[BirthdayMonthDay] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_BirthdayMonthDay_CustomerOwnerId_CustomerId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "CustomerOwnerId",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_BirthdayMonthDay_CustomerId",
                table: "Contacts",
                columns: new[] { "BirthdayMonthDay", "CustomerId" },
                filter: "[BirthdayMonthDay] IS NOT NULL");
        }
    }
}
