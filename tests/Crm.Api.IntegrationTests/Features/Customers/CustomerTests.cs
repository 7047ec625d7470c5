using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.IntegrationTests.Features.Customers;

public abstract class CustomerTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    [Fact]
    public async Task Creating_a_customer_generates_a_unique_code_and_returns_it_with_an_etag()
    {
        var rep = await As(Who.Rep1);
        var response = await rep.PostAsJsonAsync("/api/v1/customers", new { name = "华东机电有限公司", kind = "Company", level = "A", isKeyAccount = true }, Json);
        var created = await Read<CustomerDto>(response, HttpStatusCode.Created);

        Assert.Matches("^C-\\d{6}$", created.Code);
        Assert.Equal(App.UserIds[Who.Rep1], created.OwnerId);
        Assert.Equal(Lifecycle.Prospect, created.Lifecycle);
        Assert.Equal(CustomerState.Potential, created.State);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/api/v1/customers/{created.Id}", response.Headers.Location?.OriginalString);

        var second = await Arrange.CreateAsync(rep, new { name = "Second", kind = "Person" });
        Assert.NotEqual(created.Code, second.Code);
    }

    [Fact]
    public async Task A_duplicate_customer_code_is_a_conflict_and_nothing_is_written()
    {
        var rep = await As(Who.Rep1);
        await Arrange.CreateAsync(rep, new { name = "First", kind = "Company", code = "VIP-001" });
        var before = App.WithDb(db => db.Customers.IgnoreQueryFilters().Count());

        var problem = await Problem(await rep.PostAsJsonAsync("/api/v1/customers", new { name = "Second", kind = "Company", code = "VIP-001" }, Json), HttpStatusCode.Conflict);

        Assert.Contains("VIP-001", problem.GetProperty("detail").GetString());
        Assert.Equal(before, App.WithDb(db => db.Customers.IgnoreQueryFilters().Count()));
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"kind\":\"Company\",\"favouriteColour\":\"red\"}", "favouriteColour")]
    [InlineData("{\"name\":\"x\",\"kind\":\"Company\"", "JSON")]
    [InlineData("{\"name\":42,\"kind\":\"Company\"}", "JSON")]
    [InlineData("{\"name\":\"x\",\"kind\":\"Robot\"}", "JSON")]
    [InlineData("{\"name\":\"x\",\"kind\":1}", "JSON")]
    public async Task Malformed_or_unknown_input_is_a_bad_request_and_nothing_is_written(string json, string mentioned)
    {
        var rep = await As(Who.Rep1);
        var before = App.WithDb(db => db.Customers.IgnoreQueryFilters().Count());

        var response = await rep.PostAsync("/api/v1/customers", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, App.WithDb(db => db.Customers.IgnoreQueryFilters().Count()));
    }

    [Fact]
    public async Task Over_long_strings_are_rejected_with_field_errors()
    {
        var rep = await As(Who.Rep1);
        var problem = await Problem(await rep.PostAsJsonAsync("/api/v1/customers",
            new { name = new string('名', Customer.NameMax + 1), kind = "Company", email = "not-an-email", isAlerted = true }, Json), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("alertReason", out _));
    }

    [Fact]
    public async Task Get_answers_not_modified_when_the_caller_has_the_current_version()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{customer.Id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NotModified, (await rep.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Update_requires_if_match_and_refuses_a_stale_version()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "Before");
        var rep = await As(Who.Rep1);
        var url = $"/api/v1/customers/{customer.Id}";

        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Put, url, null, Arrange.UpdateBody(customer, b => b["name"] = "After"))), HttpStatusCode.PreconditionRequired);

        var ok = await rep.SendAsync(WithIfMatch(HttpMethod.Put, url, "\"1\"", Arrange.UpdateBody(customer, b => b["name"] = "After")));
        var updated = await Read<CustomerDto>(ok);
        Assert.Equal("After", updated.Name);
        Assert.Equal(2, updated.Version);
        Assert.Equal("\"2\"", ok.Headers.ETag?.Tag);

        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Put, url, "\"1\"", Arrange.UpdateBody(customer, b => b["name"] = "Lost update"))), HttpStatusCode.PreconditionFailed);
        Assert.Equal("After", App.WithDb(db => db.Customers.IgnoreQueryFilters().Single(c => c.Id == customer.Id).Name));
    }

    [Fact]
    public async Task Updating_the_profile_replaces_tags_important_dates_and_the_alert()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, extra: new { tags = new[] { "old" } });
        var rep = await As(Who.Rep1);
        var body = Arrange.UpdateBody(customer, b =>
        {
            b["tags"] = new[] { "vip", "expo" };
            b["importantDates"] = new[] { new { label = "Founded 成立日", date = "2001-05-08" } };
            b["isAlerted"] = true;
            b["alertReason"] = "Overdue payment";
            b["profile"] = new { gender = "Female", birthday = "1980-02-29", hobbies = "tea" };
        });
        var updated = await Read<CustomerDto>(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", "\"1\"", body)));

        Assert.Equal(["expo", "vip"], updated.Tags.Order());
        Assert.Equal(new DateOnly(2001, 5, 8), Assert.Single(updated.ImportantDates).Date);
        Assert.True(updated.IsAlerted);
        Assert.Equal(Gender.Female, updated.Profile.Gender);
        Assert.Equal(new DateOnly(1980, 2, 29), updated.Profile.Birthday);
    }

    [Fact]
    public async Task Archived_customers_leave_the_list_unless_asked_for_and_can_be_restored()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep2, "Archive me 归档");
        var rep = await As(Who.Rep2);

        var archived = await Read<CustomerDto>(await rep.PostAsync($"/api/v1/customers/{customer.Id}/archive", null));
        Assert.NotNull(archived.ArchivedAt);
        Assert.Equal(Lifecycle.Archived, archived.Lifecycle);

        var list = await Read<Page<CustomerSummaryDto>>(await rep.GetAsync("/api/v1/customers?limit=200"));
        Assert.DoesNotContain(list.Items, c => c.Id == customer.Id);
        var withArchived = await Read<Page<CustomerSummaryDto>>(await rep.GetAsync("/api/v1/customers?limit=200&includeArchived=true"));
        Assert.Contains(withArchived.Items, c => c.Id == customer.Id);

        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/v1/customers/{customer.Id}", "\"2\"", Arrange.UpdateBody(customer))), HttpStatusCode.Conflict);

        var restored = await Read<CustomerDto>(await rep.PostAsync($"/api/v1/customers/{customer.Id}/restore", null));
        Assert.Null(restored.ArchivedAt);
        Assert.Equal(Lifecycle.Prospect, restored.Lifecycle);
    }

    [Fact]
    public async Task A_manager_transfers_a_customer_within_the_team_and_the_transfer_is_recorded()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var manager = await As(Who.ManagerA);

        var moved = await Read<CustomerDto>(await manager.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer",
            new { newOwnerId = App.UserIds[Who.Rep2], reason = "Rep1 moves to key accounts" }, Json));

        Assert.Equal(App.UserIds[Who.Rep2], moved.OwnerId);
        var record = App.WithDb(db => db.CustomerTransfers.Single(t => t.CustomerId == customer.Id));
        Assert.Equal(App.UserIds[Who.Rep1], record.FromOwnerId);
        Assert.Equal(App.UserIds[Who.ManagerA], record.TransferredBy);

        // Rep1 no longer sees it; a manager cannot hand it outside the team.
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(Who.Rep1)).GetAsync($"/api/v1/customers/{customer.Id}")).StatusCode);
        var problem = await Problem(await manager.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/transfer", new { newOwnerId = App.UserIds[Who.Rep3] }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("newOwnerId", out _));
    }

    [Fact]
    public async Task The_first_purchase_turns_a_prospect_into_an_active_customer()
    {
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1);
        var rep = await As(Who.Rep1);
        await Read<Crm.Api.Features.Purchases.PurchaseDto>(await rep.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/purchases",
            new { purchasedOn = "2026-11-10", product = "Pump", category = "Equipment", quantity = 2, unitPrice = 100 }, Json), HttpStatusCode.Created);

        var after = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{customer.Id}"));
        Assert.Equal(Lifecycle.Active, after.Lifecycle);
        Assert.Equal(CustomerState.Actual, after.State);
    }
}

public sealed class CustomerTestsOnSqlite(SqliteApp app) : CustomerTests<SqliteApp>(app);

public sealed class CustomerTestsOnSqlServer(SqlServerApp app) : CustomerTests<SqlServerApp>(app);
