using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchTermsCarryOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OwnerId",
                table: "CustomerSearchTerms",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing term takes its customer's owner; from now on each save that changes either does.
            migrationBuilder.Sql("""UPDATE x SET x.[OwnerId] = c.[OwnerId] FROM [CustomerSearchTerms] AS x INNER JOIN [Customers] AS c ON c.[Id] = x.[CustomerId];""");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerSearchTerms_OwnerId_Term_CustomerId",
                table: "CustomerSearchTerms",
                columns: new[] { "OwnerId", "Term", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CustomerSearchTerms_OwnerId_Term_CustomerId",
                table: "CustomerSearchTerms");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "CustomerSearchTerms");
        }
    }
}
