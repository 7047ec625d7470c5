using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Api.Persistence;

/// <summary>
/// What happens once at start-up, before the API answers, in order: apply migrations (unless Database:Migrate is false), load the token
/// signing key, create the bootstrap admin when no admin exists, and seed demo data when asked and the database is empty.
/// </summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CrmDbContext>();
        var config = app.Configuration;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Crm.Startup");

        if (config.GetValue("Database:Migrate", true))
        {
            if (db.Database.IsSqlite())
            {
                CreateSqliteFileIfMissing(db.Database.GetConnectionString()!);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            // MigrateAsync also diffs the model against the migrations' snapshot (0.8 s of a start at 1M customers, docs/performance.md,
            // "Cold start"); with nothing to apply only the history table is read. DatabaseProviderTests guard the snapshot instead.
            if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync() || (await db.Database.GetPendingMigrationsAsync()).Any())
                await db.Database.MigrateAsync();
            // Customer statistics arrived after data existed (or a bulk load bypassed SaveChanges): build them once.
            if (!await db.CustomerStats.IgnoreQueryFilters().AnyAsync() && await db.Customers.IgnoreQueryFilters().AnyAsync())
            {
                logger.LogInformation("Building customer statistics for existing customers");
                await CustomerStatistics.RebuildAllAsync(db, CancellationToken.None);
            }
            // Likewise the change log that delta sync reads: one change per existing record, so an empty cursor gets everything.
            if (!await db.ChangeRecords.AnyAsync() && await db.Customers.IgnoreQueryFilters().AnyAsync())
            {
                logger.LogInformation("Numbering existing records for delta sync");
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                    SELECT 'customer', "Id", "Id", "OwnerId", 0, "UpdatedAt" FROM "Customers";
                    INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                    SELECT 'contact', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Contacts" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                    INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                    SELECT 'purchase', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Purchases" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                    INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                    SELECT 'visit', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Visits" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                    INSERT INTO "Changes" ("EntityType", "EntityId", "CustomerId", "OwnerId", "Deleted", "ChangedAt")
                    SELECT 'complaint', x."Id", x."CustomerId", c."OwnerId", 0, x."UpdatedAt" FROM "Complaints" x JOIN "Customers" c ON c."Id" = x."CustomerId";
                    """);
            }
        }

        // The query planner's statistics are refreshed in the background once the API answers (SqliteStatistics).

        await LoadSigningKeyAsync(db, config, services.GetRequiredService<TokenSigningKey>());
        await BootstrapAdminAsync(services, config, logger);

        if (config.GetValue("Crm:Demo:Seed", false))
            await DemoSeeder.SeedAsync(services, config, logger);
    }

    /// <summary>The app opens SQLite without "create" (DatabaseRegistration), so the first start makes the empty file here.</summary>
    private static void CreateSqliteFileIfMissing(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode != SqliteOpenMode.ReadWrite || File.Exists(builder.DataSource)) return;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
    }

    private static async Task LoadSigningKeyAsync(CrmDbContext db, IConfiguration config, TokenSigningKey key)
    {
        if (config["Crm:Auth:SigningKey"] is { Length: > 0 } configured)
        {
            key.Load(configured);
            return;
        }
        var stored = await db.SystemSettings.FirstOrDefaultAsync(s => s.Key == TokenSigningKey.SettingKey);
        if (stored is null)
        {
            stored = new SystemSetting { Key = TokenSigningKey.SettingKey, Value = TokenSigningKey.Generate() };
            db.SystemSettings.Add(stored);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another replica generated it first; use theirs.
                db.ChangeTracker.Clear();
                stored = await db.SystemSettings.FirstAsync(s => s.Key == TokenSigningKey.SettingKey);
            }
        }
        key.Load(stored.Value);
    }

    /// <summary>
    /// There is no default password in production: the first admin comes from Crm:BootstrapAdmin:Email / :Password
    /// (environment: Crm__BootstrapAdmin__Email / Crm__BootstrapAdmin__Password) when no admin exists yet.
    /// </summary>
    private static async Task BootstrapAdminAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var email = config["Crm:BootstrapAdmin:Email"];
        var password = config["Crm:BootstrapAdmin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password)) return;
        var db = services.GetRequiredService<CrmDbContext>();
        if (await db.Users.AnyAsync(u => u.Role == Role.Admin)) return;
        var users = services.GetRequiredService<UserManager<User>>();
        var admin = new User
        {
            Email = email, UserName = email, DisplayName = config["Crm:BootstrapAdmin:DisplayName"] ?? "Administrator",
            Role = Role.Admin, EmailConfirmed = true, CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("The bootstrap admin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        logger.LogInformation("Created the bootstrap admin {Email}", email);
    }
}
