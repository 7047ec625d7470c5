using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralsCarryOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReferredOwnerId",
                table: "Referrals",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing referral takes its referred customer's owner; from now on each save that changes either does.
            migrationBuilder.Sql("""UPDATE "Referrals" SET "ReferredOwnerId" = (SELECT c."OwnerId" FROM "Customers" AS c WHERE c."Id" = "Referrals"."ReferredId");""");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferredOwnerId_Status_ThankedAt_WonAt",
                table: "Referrals",
                columns: new[] { "ReferredOwnerId", "Status", "ThankedAt", "WonAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReferredOwnerId_Status_ThankedAt_WonAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ReferredOwnerId",
                table: "Referrals");
        }
    }
}
