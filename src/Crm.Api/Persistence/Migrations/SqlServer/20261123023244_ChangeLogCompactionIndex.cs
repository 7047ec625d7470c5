using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChangeLogCompactionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Changes_EntityId_Sequence",
                table: "Changes",
                columns: new[] { "EntityId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Changes_EntityId_Sequence",
                table: "Changes");
        }
    }
}
