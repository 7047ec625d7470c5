using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Contacts;
using Crm.Api.Features.Sync;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Integration;

/// <summary>Delta sync as a mobile client uses it: rebuild from an empty cursor, then small pages of what changed.</summary>
public abstract class SyncTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private async Task<(List<SyncChangeDto> Changes, string Cursor)> SyncAllAsync(Who who, string? cursor = null, int limit = 2, string? types = null)
    {
        var client = await As(who);
        var all = new List<SyncChangeDto>();
        for (var pages = 0; pages < 100; pages++)
        {
            var url = $"/api/v1/sync?limit={limit}" + (cursor is null ? "" : $"&since={cursor}") + (types is null ? "" : $"&types={types}");
            var page = await Read<SyncPageDto>(await client.GetAsync(url));
            Assert.True(page.Changes.Count <= limit);
            all.AddRange(page.Changes);
            cursor = page.NextCursor;
            if (!page.HasMore) return (all, cursor);
        }
        throw new InvalidOperationException("Sync did not end");
    }

    [Fact]
    public async Task A_client_rebuilds_from_an_empty_cursor_then_gets_updates_deletions_and_removals_when_a_customer_is_transferred()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "同步客户");
        var rep1 = await As(Who.Rep1);
        var primary = await Read<ContactDto>(await rep1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "王经理" }, Json), HttpStatusCode.Created);
        var second = await rep1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "李助理" }, Json);
        var secondContact = await Read<ContactDto>(second, HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Created, (await rep1.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
            new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 10 }, Json)).StatusCode);

        // From nothing, in pages of two: the customer, both contacts and the purchase, in sequence order. A record changed
        // again later (the first purchase makes the prospect active) comes again, as it is then: the last copy wins.
        var (rebuilt, cursor) = await SyncAllAsync(Who.Rep1);
        Assert.Equal(["contact", "contact", "customer", "purchase"], rebuilt.Select(c => (c.Type, c.Id)).Distinct().Select(x => x.Type).Order().ToArray());
        Assert.All(rebuilt, c => Assert.Equal("upsert", c.Operation));
        Assert.Equal(("同步客户", Crm.Api.Domain.Lifecycle.Active), (rebuilt.Last(c => c.Type == "customer").Customer!.Name, rebuilt.Last(c => c.Type == "customer").Customer!.Lifecycle));
        Assert.True(rebuilt.Select(c => c.Sequence).SequenceEqual(rebuilt.Select(c => c.Sequence).Order()));
        // Another rep's scope holds none of it.
        Assert.DoesNotContain((await SyncAllAsync(Who.Rep2)).Changes, c => c.CustomerId == customer.Id);

        // Nothing new: an empty page with the same cursor.
        var (none, same) = await SyncAllAsync(Who.Rep1, cursor);
        Assert.Empty(none);
        Assert.Equal(cursor, same);

        // Two edits of the customer arrive as one change, as it is now; a deleted contact as a removal.
        foreach (var name in new[] { "同步客户 2", "同步客户 3" })
        {
            var current = await rep1.GetAsync($"/api/v1/customers/{customer.Id}");
            var body = Arrange.UpdateBody(await Read<Crm.Api.Features.Customers.CustomerDto>(current), b => b["name"] = name);
            Assert.Equal(HttpStatusCode.OK, (await rep1.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", current.Headers.ETag?.Tag, body))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await rep1.SendAsync(WithIfMatch(HttpMethod.Delete,
            $"/api/v1/customers/{customer.Id}/contacts/{secondContact.Id}", second.Headers.ETag?.Tag))).StatusCode);
        var (delta, afterDelta) = await SyncAllAsync(Who.Rep1, cursor);
        var updated = Assert.Single(delta, c => c.Type == "customer");
        Assert.Equal("同步客户 3", updated.Customer!.Name);
        var removed = Assert.Single(delta, c => c.Type == "contact");
        Assert.Equal((secondContact.Id, "remove"), (removed.Id, removed.Operation));
        Assert.Null(removed.Contact);

        // Transferred to a rep of the other team: for Rep1 the customer and everything under it are removed; Rep3 gets them.
        Assert.Equal(HttpStatusCode.OK, (await (await As(Who.Admin)).PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep3], reason = "Territory change" }, Json)).StatusCode);
        var (leaving, _) = await SyncAllAsync(Who.Rep1, afterDelta);
        Assert.Equal(["contact", "customer", "purchase"], leaving.Select(c => c.Type).Order().ToArray());
        Assert.All(leaving, c => Assert.Equal("remove", c.Operation));
        var (arriving, _) = await SyncAllAsync(Who.Rep3, limit: 50);
        Assert.Contains(arriving, c => c.Id == primary.Id && c.Operation == "upsert" && c.Contact!.Name == "王经理");
        Assert.Contains(arriving, c => c.Id == customer.Id && c.Operation == "upsert");
        Assert.DoesNotContain(arriving, c => c.Id == secondContact.Id && c.Operation == "upsert");

        // Types narrow the feed.
        Assert.All((await SyncAllAsync(Who.Rep3, types: "contacts")).Changes, c => Assert.Equal("contact", c.Type));
    }

    [Theory]
    [InlineData("since=not-a-cursor")]
    [InlineData("types=customers,spaceships")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    public async Task Bad_sync_parameters_are_400(string query)
    {
        await Problem(await (await As(Who.Rep1)).GetAsync("/api/v1/sync?" + query), HttpStatusCode.BadRequest);
    }
}

public sealed class SyncTestsOnSqlite(SqliteApp app) : SyncTests<SqliteApp>(app);

public sealed class SyncTestsOnSqlServer(SqlServerApp app) : SyncTests<SqlServerApp>(app);
