using Crm.Api.Domain;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Api.IntegrationTests.Persistence;

public sealed class DemoDataTests(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    [Fact]
    public async Task First_run_seeds_two_teams_about_500_customers_with_contacts_and_two_years_of_purchases_and_a_second_run_adds_nothing()
    {
        await Seed();
        await Seed();

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var customers = await db.Customers.IgnoreQueryFilters().Where(c => c.Code.StartsWith("C-")).CountAsync();
        Assert.Equal(500, customers);
        Assert.Equal(2, await db.Teams.CountAsync(t => t.Name.StartsWith("营业")));
        Assert.Equal(6, await db.Users.CountAsync(u => u.Role == Role.Rep && u.Email!.EndsWith("@demo.crm")));
        Assert.Equal(2, await db.Users.CountAsync(u => u.Role == Role.Manager && u.Email!.EndsWith("@demo.crm")));
        Assert.True(await db.Users.AnyAsync(u => u.Role == Role.Service && u.Email == "service@demo.crm"));
        Assert.True(await db.Users.AnyAsync(u => u.Role == Role.Analyst && u.Email == "analyst@demo.crm"));

        // Every demo customer has exactly one primary contact.
        Assert.Equal(0, await db.Customers.IgnoreQueryFilters().CountAsync(c => c.Contacts.Count(p => p.IsPrimary) != 1));
        var first = await db.Purchases.IgnoreQueryFilters().MinAsync(p => p.PurchasedOn);
        var last = await db.Purchases.IgnoreQueryFilters().MaxAsync(p => p.PurchasedOn);
        Assert.True(last.DayNumber - first.DayNumber > 600, $"purchases span {first}..{last}");
        Assert.True(await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Lifecycle == Lifecycle.Prospect));
        Assert.True(await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Lifecycle == Lifecycle.Lapsed));
        Assert.True(await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Level == CustomerLevel.Special && c.IsKeyAccount));
        var names = await db.Customers.IgnoreQueryFilters().Select(c => c.Name).ToListAsync();
        Assert.Contains(names, n => n.Any(ch => ch > 0x4E00));
        Assert.Contains(names, n => n.Contains("Ltd.", StringComparison.Ordinal) || n.Contains("Inc.", StringComparison.Ordinal));

        // The dashboard's counts per owner, lifecycle, tier and level are those of the seeded customers.
        var counted = (await db.Customers.IgnoreQueryFilters().GroupBy(c => new { c.OwnerId, c.Lifecycle, Tier = c.Tier ?? "", c.Level })
            .Select(g => new { g.Key.OwnerId, g.Key.Lifecycle, g.Key.Tier, g.Key.Level, Customers = g.Count() }).ToListAsync()).Select(c => c.ToString()).Order().ToList();
        var kept = (await db.PortfolioCounts.IgnoreQueryFilters().Where(c => c.Customers != 0)
            .Select(c => new { c.OwnerId, c.Lifecycle, c.Tier, c.Level, c.Customers }).ToListAsync()).Select(c => c.ToString()).Order().ToList();
        Assert.Equal(counted, kept);
        // Likewise the loyalty stage counts, of the seeded statistics rows.
        var stages = (await db.CustomerStats.IgnoreQueryFilters().AsNoTracking().ToListAsync())
            .Select(x => LoyaltyStageCounts.Of(x.OwnerId, x.Lifecycle, x.Purchases, x.FirstPurchaseDay, x.LastPurchaseDay, x.RatedComplaints, x.SatisfactionTotal, x.ReferralsMade))
            .OfType<LoyaltyStageCounts.Key>().GroupBy(k => k).Select(g => $"{g.Key.OwnerId} {g.Key.RepeatOverAYear} {g.Key.RepeatWithPositiveSignals} {g.Key.LastPurchaseBlock} {g.Count()}").Order().ToList();
        Assert.NotEmpty(stages);
        Assert.Equal(stages, (await db.LoyaltyStageCounts.IgnoreQueryFilters().Where(c => c.Customers != 0).ToListAsync())
            .Select(c => $"{c.OwnerId} {c.RepeatOverAYear} {c.RepeatWithPositiveSignals} {c.LastPurchaseBlock} {c.Customers}").Order().ToList());

        // The generated-code counter continues after the seeded codes.
        var next = await Arrange.CreateAsync(await As(Who.Admin), new { name = "After the demo", kind = "Company" });
        Assert.Equal("C-000501", next.Code);
    }

    private async Task Seed()
    {
        using var scope = App.Services.CreateScope();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Crm:Demo:Password"] = CrmApp.Password }).Build();
        await DemoSeeder.SeedAsync(scope.ServiceProvider, config, NullLogger.Instance);
    }
}
