using System.Net;
using Crm.Api.Common;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Customers;

/// <summary>Filters, sorting, keyset paging and the prefix search of the customer list, on a small portfolio of Rep3's.</summary>
public abstract class CustomerListTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static readonly SemaphoreSlim Arranged = new(1, 1);
    private static readonly HashSet<CrmApp> ArrangedFor = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Arranged.WaitAsync();
        try
        {
            if (!ArrangedFor.Add(App)) return;
            var rep = await As(Who.Rep3);
            for (var i = 0; i < 12; i++)
                await Arrange.CreateAsync(rep, new
                {
                    name = $"Portfolio {i:00}", kind = "Company", level = i % 4 == 0 ? "Special" : "B", isKeyAccount = i % 4 == 0,
                    region = i % 2 == 0 ? "华东" : "华南", phone = $"021-5555 {i:0000}", tags = i % 3 == 0 ? new[] { "expo" } : [],
                });
            await Arrange.CreateAsync(rep, new { name = "Northwind Traders", kind = "Company", email = "buyer@northwind.example" });
            await Arrange.CreateAsync(rep, new { name = "张伟", kind = "Person", enterpriseType = "Individual" });
        }
        finally
        {
            Arranged.Release();
        }
    }

    private async Task<Page<CustomerSummaryDto>> List(string query) =>
        await Read<Page<CustomerSummaryDto>>(await (await As(Who.Rep3)).GetAsync("/api/v1/customers?" + query));

    [Fact]
    public async Task Walking_the_pages_visits_every_customer_exactly_once_in_order()
    {
        var seen = await AllPagesAsync<CustomerSummaryDto>(await As(Who.Rep3), "/api/v1/customers?limit=5&sort=-name", page => Assert.True(page.Items.Count <= 5));

        Assert.Equal(14, seen.Count);
        Assert.Equal(seen.Count, seen.Select(c => c.Id).Distinct().Count());
        Assert.Equal(seen.Select(c => c.Name).OrderDescending(StringComparer.Ordinal), seen.Select(c => c.Name));
    }

    [Theory]
    [InlineData("level=Special", 3)]
    [InlineData("isKeyAccount=true&region=%E5%8D%8E%E4%B8%9C", 3)]
    [InlineData("tag=expo", 4)]
    [InlineData("state=Potential", 14)]
    [InlineData("state=Actual", 0)]
    [InlineData("enterpriseType=Individual", 1)]
    public async Task Filters_narrow_the_list(string filter, int expected) =>
        Assert.Equal(expected, (await List("limit=200&" + filter)).Items.Count);

    [Theory]
    [InlineData("north", "Northwind Traders")]
    [InlineData("traders", "Northwind Traders")]
    [InlineData("buyer@north", "Northwind Traders")]
    [InlineData("张", "张伟")]
    [InlineData("0215555 0007", "Portfolio 07")]
    [InlineData("55550011", "Portfolio 11")]
    public async Task Search_finds_customers_by_the_start_of_name_words_email_and_phone(string q, string expected)
    {
        var page = await List("q=" + Uri.EscapeDataString(q));
        Assert.Equal(expected, Assert.Single(page.Items).Name);
    }

    [Fact]
    public async Task Sorting_by_level_puts_special_customers_first()
    {
        var page = await List("limit=3&sort=level");
        Assert.All(page.Items, c => Assert.Equal(Crm.Api.Domain.CustomerLevel.Special, c.Level));
    }

    [Theory]
    [InlineData("sort=shoeSize")]
    [InlineData("limit=500")]
    [InlineData("limit=0")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("level=Z")]
    public async Task Bad_list_parameters_are_bad_requests(string query) =>
        await Problem(await (await As(Who.Rep3)).GetAsync("/api/v1/customers?" + query), HttpStatusCode.BadRequest);
}

public sealed class CustomerListTestsOnSqlite(SqliteApp app) : CustomerListTests<SqliteApp>(app);

public sealed class CustomerListTestsOnSqlServer(SqlServerApp app) : CustomerListTests<SqlServerApp>(app);
