using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastAssessedOn",
                table: "Customers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LatestGrade",
                table: "Customers",
                type: "nvarchar(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScorecardTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    TemplateVersion = table.Column<int>(type: "int", nullable: false),
                    IsCurrent = table.Column<bool>(type: "bit", nullable: false),
                    Indicators = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Scores = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Total = table.Column<decimal>(type: "decimal(5,1)", precision: 5, scale: 1, nullable: false),
                    Grade = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    Suggested = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Recommendation = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OverrideReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assessments_ScorecardTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ScorecardTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ScorecardTemplates",
                columns: new[] { "Id", "CreatedAt", "Indicators", "IsCurrent", "Name", "TemplateVersion" },
                values: new object[] { new Guid("01930000-0000-7000-8000-00000000a001"), new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "[{\"Key\":\"tenure\",\"Name\":\"\\u5408\\u4F5C\\u5E74\\u9650 Relationship length\",\"Weight\":15},{\"Key\":\"volume\",\"Name\":\"\\u8D2D\\u4E70\\u91D1\\u989D Purchase volume\",\"Weight\":25},{\"Key\":\"payment\",\"Name\":\"\\u4ED8\\u6B3E\\u4FE1\\u8A89 Payment reliability\",\"Weight\":20},{\"Key\":\"complaints\",\"Name\":\"\\u6295\\u8BC9\\u60C5\\u51B5 Complaint record\",\"Weight\":15},{\"Key\":\"engagement\",\"Name\":\"\\u9AD8\\u5C42\\u4E92\\u52A8 Executive engagement\",\"Weight\":10},{\"Key\":\"loyalty\",\"Name\":\"\\u5FE0\\u8BDA\\u5EA6\\u4E0E\\u8F6C\\u4ECB\\u7ECD Loyalty and referrals\",\"Weight\":15}]", true, "客户关系评估表 Relationship scorecard", 1 });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_LastAssessedOn_Id",
                table: "Customers",
                columns: new[] { "LastAssessedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_CustomerId_AssessedOn",
                table: "Assessments",
                columns: new[] { "CustomerId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_TemplateId",
                table: "Assessments",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardTemplates_IsCurrent",
                table: "ScorecardTemplates",
                column: "IsCurrent");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "ScorecardTemplates");

            migrationBuilder.DropIndex(
                name: "IX_Customers_LastAssessedOn_Id",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "LastAssessedOn",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "LatestGrade",
                table: "Customers");
        }
    }
}
