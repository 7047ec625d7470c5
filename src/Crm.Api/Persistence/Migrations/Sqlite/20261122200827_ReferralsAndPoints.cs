using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Crm.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralsAndPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReferredById",
                table: "Customers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "Customers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LoyaltyPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsPerCurrencyUnit = table.Column<double>(type: "REAL", precision: 18, scale: 6, nullable: false),
                    ReferralRewardPoints = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferralMustCloseDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ThanksDueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoyaltyPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MembershipTiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MinPointsEarned12Months = table.Column<long>(type: "INTEGER", nullable: false),
                    Benefits = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipTiers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceAfter = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PurchaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferrerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferredId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MustCloseBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WonAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThankedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThanksMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RewardGranted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Customers_ReferredId",
                        column: x => x.ReferredId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Customers_ReferrerId",
                        column: x => x.ReferrerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TierChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromTier = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ToTier = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Earned12Months = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierChanges_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "LoyaltyPolicies",
                columns: new[] { "Id", "PointsPerCurrencyUnit", "ReferralMustCloseDays", "ReferralRewardPoints", "ThanksDueDays", "Version" },
                values: new object[] { 1, 0.01, 30, 100L, 7, 1L });

            migrationBuilder.InsertData(
                table: "MembershipTiers",
                columns: new[] { "Id", "Benefits", "MinPointsEarned12Months", "Name", "Version" },
                values: new object[,]
                {
                    { new Guid("01930000-0000-7000-8000-000000000001"), "新品优先通知 First news of new products", 0L, "Member", 1L },
                    { new Guid("01930000-0000-7000-8000-000000000002"), "Priority supply 优先供货", 1000L, "Silver", 1L },
                    { new Guid("01930000-0000-7000-8000-000000000003"), "Priority supply and special prices 优先供货与特价", 5000L, "Gold", 1L },
                    { new Guid("01930000-0000-7000-8000-000000000004"), "Executive visits, joint promotions 高层拜访与联合促销", 20000L, "Platinum", 1L }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ReferredById",
                table: "Customers",
                column: "ReferredById");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipTiers_Name",
                table: "MembershipTiers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_CustomerId_CreatedAt",
                table: "PointsEntries",
                columns: new[] { "CustomerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_OneRewardPerReferral",
                table: "PointsEntries",
                column: "ReferralId",
                unique: true,
                filter: "\"ReferralId\" IS NOT NULL AND \"Source\" = 'Referral'");

            migrationBuilder.CreateIndex(
                name: "IX_PointsEntries_PurchaseId",
                table: "PointsEntries",
                column: "PurchaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferredId",
                table: "Referrals",
                column: "ReferredId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferrerId_ReferredOn",
                table: "Referrals",
                columns: new[] { "ReferrerId", "ReferredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_MustCloseBy",
                table: "Referrals",
                columns: new[] { "Status", "MustCloseBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_WonAt",
                table: "Referrals",
                columns: new[] { "Status", "WonAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TierChanges_CustomerId_ChangedAt",
                table: "TierChanges",
                columns: new[] { "CustomerId", "ChangedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Customers_Customers_ReferredById",
                table: "Customers",
                column: "ReferredById",
                principalTable: "Customers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Customers_Customers_ReferredById",
                table: "Customers");

            migrationBuilder.DropTable(
                name: "LoyaltyPolicies");

            migrationBuilder.DropTable(
                name: "MembershipTiers");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "TierChanges");

            migrationBuilder.DropIndex(
                name: "IX_Customers_ReferredById",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "ReferredById",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "Customers");
        }
    }
}
