using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Contacts;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Integration;

/// <summary>Merging duplicates: every child record ends on the survivor, points still add up, the duplicate is archived.</summary>
public abstract class MergeTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task A_merge_moves_every_child_record_to_the_survivor_and_archives_the_duplicate()
    {
        var rep = await As(Who.Rep1);
        var survivor = await Arrange.OwnedByAsync(App, Who.Rep1, "华东机电有限公司");
        var duplicate = await Arrange.OwnedByAsync(App, Who.Rep1, "华东机电");
        await Read<ContactDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/contacts", new { name = "王经理" }, Json), HttpStatusCode.Created);
        await Read<ContactDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{duplicate.Id}/contacts", new { name = "王经理 (dup)" }, Json), HttpStatusCode.Created);
        foreach (var on in new[] { "2026-09-01", "2026-10-01" })
            Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/v1/customers/{duplicate.Id}/purchases",
                new { purchasedOn = on, product = "P", category = "C", quantity = 1, unitPrice = 5000 }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync("/api/v1/visits",
            new { customerId = duplicate.Id, form = "Phone", plannedStart = App.Clock.GetUtcNow().AddDays(1), plannedEnd = App.Clock.GetUtcNow().AddDays(1).AddHours(1) }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await (await As(Who.Service)).PostAsJsonAsync("/api/v1/complaints",
            new { customerId = duplicate.Id, channel = "Phone", category = "LateDelivery", severity = "Low", description = "Late" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync("/api/v1/referrals",
            new { referrerId = duplicate.Id, newProspect = new { name = "推荐客户", kind = "Company" }, channel = "Phone" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Call back", dueDate = "2026-11-20", customerId = duplicate.Id }, Json)).StatusCode);

        var result = await Read<MergeResultDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = duplicate.Id }, Json));
        Assert.Equal(new MergedCountsDto(1, 2, 1, 1, 1, 1, 0, 0, 0, 100), result.Moved);   // 2 × 5,000 at one point per 100

        // Every record is now the survivor's; the duplicate has none left and is archived.
        Assert.Equal(2, (await Read<Page<ContactDto>>(await rep.GetAsync($"/api/v1/customers/{survivor.Id}/contacts"))).Items.Count);
        Assert.Single((await Read<Page<ContactDto>>(await rep.GetAsync($"/api/v1/customers/{survivor.Id}/contacts"))).Items, c => c.IsPrimary);
        Assert.Equal(2, App.WithDb(db => db.Purchases.Count(p => p.CustomerId == survivor.Id)));
        Assert.Equal(1, App.WithDb(db => db.Visits.Count(v => v.CustomerId == survivor.Id)));
        Assert.Equal(1, App.WithDb(db => db.Complaints.Count(c => c.CustomerId == survivor.Id)));
        Assert.Equal(1, App.WithDb(db => db.Referrals.Count(r => r.ReferrerId == survivor.Id)));
        Assert.Equal(1, App.WithDb(db => db.Tasks.Count(t => t.CustomerId == survivor.Id)));
        Assert.Equal(0, App.WithDb(db => db.Purchases.Count(p => p.CustomerId == duplicate.Id) + db.Contacts.Count(c => c.CustomerId == duplicate.Id)
            + db.Visits.Count(v => v.CustomerId == duplicate.Id) + db.Complaints.Count(c => c.CustomerId == duplicate.Id)));
        var archived = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{duplicate.Id}"));
        Assert.Equal(Lifecycle.Archived, archived.Lifecycle);

        // Points moved as a pair of ledger lines: both ledgers still add up to their balances.
        Assert.Equal((100L, 0L), (result.Survivor.Points, archived.Points));
        Assert.Equal(100L, App.WithDb(db => db.PointsEntries.Where(e => e.CustomerId == survivor.Id).Sum(e => e.Amount)));
        Assert.Equal(0L, App.WithDb(db => db.PointsEntries.Where(e => e.CustomerId == duplicate.Id).Sum(e => e.Amount)));
        // The survivor bought, so it is active, and its statistics follow the moved purchases.
        Assert.Equal(Lifecycle.Active, result.Survivor.Lifecycle);
        Assert.Equal(2, App.WithDb(db => db.CustomerStats.Single(s => s.CustomerId == survivor.Id).Purchases));

        // Merging again, into itself, or out of scope is refused.
        await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = duplicate.Id }, Json), HttpStatusCode.Conflict);
        await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = survivor.Id }, Json), HttpStatusCode.BadRequest);
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3);
        await Problem(await rep.PostAsJsonAsync($"/api/v1/customers/{survivor.Id}/merge", new { duplicateId = theirs.Id }, Json), HttpStatusCode.NotFound);
    }
}

public sealed class MergeTestsOnSqlite(SqliteApp app) : MergeTests<SqliteApp>(app);

public sealed class MergeTestsOnSqlServer(SqlServerApp app) : MergeTests<SqlServerApp>(app);
