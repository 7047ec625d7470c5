using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ContactsIndexCarriesPrimaryAndOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_CustomerId_Name",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId_Name_IsPrimary_CustomerOwnerId",
                table: "Contacts",
                columns: new[] { "CustomerId", "Name", "IsPrimary", "CustomerOwnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_CustomerId_Name_IsPrimary_CustomerOwnerId",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CustomerId_Name",
                table: "Contacts",
                columns: new[] { "CustomerId", "Name" });
        }
    }
}
