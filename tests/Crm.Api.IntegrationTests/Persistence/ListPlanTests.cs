using AutoMapper;
using Crm.Api.Common;
using Crm.Api.Features.Customers;
using Crm.Api.IntegrationTests.Infrastructure;
using Crm.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;

namespace Crm.Api.IntegrationTests.Persistence;

/// <summary>
/// The customer list as SQLite plans it with the statistics of the million-customer benchmark file (SQLite's own
/// ANALYZE, docs/performance.md "Eighth round"). Only the plan is asserted: the same SQL at that size took 8.5 s when
/// it sorted the whole base and under a millisecond when it read the list's order index.
/// </summary>
public sealed class ListPlanTests(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    // Customers' rows of sqlite_stat1 on the 1M file: 2% archived, each on its own date, so (owner, level, archived at)
    // averages 36 rows although 1,225 of each owner's and level's 1,250 customers are not archived.
    private static readonly (string Index, string Stat)[] MillionCustomers =
    [
        ("IX_Customers_ListOrder_Id", "1000000 7 1"),
        ("IX_Customers_Name_Id", "1000000 7 1"),
        ("IX_Customers_CreatedAt_Id", "1000000 3 1"),
        ("IX_Customers_Level_Id", "1000000 250000 1"),
        ("IX_Customers_Lifecycle_Id", "1000000 250000 1"),
        ("IX_Customers_OwnerId_Level_ArchivedAt_Name_Id", "1000000 5000 1250 36 1 1"),
        ("IX_Customers_OwnerId_Lifecycle_ArchivedAt_Tier_Id", "1000000 5000 1250 39 35 1"),
        ("IX_Customers_OwnerId_ListOrder_Id", "1000000 5000 1 1"),
        ("IX_Customers_OwnerId_Name_Id", "1000000 5000 1 1"),
        ("IX_Customers_Region_Level_CreatedAt_Id", "1000000 125000 31250 2 1"),
        ("sqlite_autoindex_Customers_1", "1000000 1"),
        // The list's filters on columns of few values: 12 industries, 6 enterprise types, 8 lead sources, two of the others.
        ("IX_Customers_Industry_ListOrder_Id", "1000000 83334 1 1"),
        ("IX_Customers_EnterpriseType_ListOrder_Id", "1000000 166667 1 1"),
        ("IX_Customers_LeadSource_ListOrder_Id", "1000000 125000 1 1"),
        ("IX_Customers_IsAlerted_ListOrder_Id", "1000000 500000 1 1"),
        ("IX_Customers_Origin_ListOrder_Id", "1000000 500000 1 1"),
        ("IX_Customers_ChainPosition_ListOrder_Id", "1000000 500000 1 1"),
        ("IX_Customers_Region_ListOrder_Id", "1000000 125000 1 1"),
        // The single-column indexes they replaced (sixteenth round), so that the plan can be compared against them.
        ("IX_Customers_Industry", "1000000 83334"),
        ("IX_Customers_EnterpriseType", "1000000 166667"),
        ("IX_Customers_LeadSource", "1000000 125000"),
        ("IX_Customers_IsAlerted", "1000000 500000"),
        ("IX_Customers_Origin", "1000000 500000"),
        ("IX_Customers_ChainPosition", "1000000 500000"),
        // A search's matches are read by Id; the index before the seventeenth round held only the owner after it.
        ("IX_Customers_Id_OwnerId_ArchivedAt_ListOrder", "1000000 1 1 1 1"),
        ("IX_Customers_Id_OwnerId", "1000000 1 1"),
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("name")]
    [InlineData("createdAt")]
    public async Task The_whole_bases_first_page_reads_the_sorts_index_and_never_sorts_every_customer(string? sort)
    {
        await UseMillionCustomerStatisticsAsync();

        // The system sees every customer, as an admin or an API key does.
        var page = Assert.Single(await PlansAsync(new Caller(), new ListCustomersQuery { Sort = sort }));
        Assert.Contains("IX_Customers_", page, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// A whole-base page filtered on a column of few values reads that value's range in the list's order. On an index
    /// of the column alone, SQLite read every customer of the industry and sorted them (0.12–0.24 s at a million; a
    /// region through the region-level-creation index, 9 s), and for a column of two values it walked the whole list
    /// order instead, however rare the value asked for (alerted customers).
    /// </summary>
    [Theory]
    [InlineData("industry", "IX_Customers_Industry_ListOrder_Id")]
    [InlineData("enterpriseType", "IX_Customers_EnterpriseType_ListOrder_Id")]
    [InlineData("leadSource", "IX_Customers_LeadSource_ListOrder_Id")]
    [InlineData("isAlerted", "IX_Customers_IsAlerted_ListOrder_Id")]
    [InlineData("origin", "IX_Customers_Origin_ListOrder_Id")]
    [InlineData("chainPosition", "IX_Customers_ChainPosition_ListOrder_Id")]
    [InlineData("region", "IX_Customers_Region_ListOrder_Id")]
    public async Task A_whole_base_page_filtered_on_a_column_of_few_values_reads_that_values_range_in_list_order(string filter, string index)
    {
        await UseMillionCustomerStatisticsAsync();
        var query = filter switch
        {
            "industry" => new ListCustomersQuery { Industry = "Finance" },
            "enterpriseType" => new ListCustomersQuery { EnterpriseType = Crm.Api.Domain.EnterpriseType.Private },
            "leadSource" => new ListCustomersQuery { LeadSource = Crm.Api.Domain.LeadSource.Referral },
            "isAlerted" => new ListCustomersQuery { IsAlerted = true },
            "origin" => new ListCustomersQuery { Origin = Crm.Api.Domain.CustomerOrigin.Internal },
            "chainPosition" => new ListCustomersQuery { ChainPosition = Crm.Api.Domain.ChainPosition.Intermediate },
            _ => new ListCustomersQuery { Region = "华东 East" },
        };

        var page = Assert.Single(await PlansAsync(new Caller(), query));
        Assert.Contains($"USING INDEX {index} (", page, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over the whole base a tag that few customers have is read from the tag's own index: walking the list's order for
    /// it read every customer when none had it (5–11 s at a million). A common tag is still found by that walk, which
    /// fills a page at once. Which is which is a count of the tag's customers, stopped past <see cref="ListCustomersHandler.RareTag"/>.
    /// </summary>
    [Fact]
    public async Task Over_the_whole_base_a_rare_tag_starts_from_its_own_index_and_a_common_one_from_the_list_order()
    {
        await UseMillionCustomerStatisticsAsync();
        var rare = await Arrange.OwnedByAsync(App, Who.Rep1, "Rarely tagged Co", new { tags = new[] { "rare-tag" } });
        using (var connection = new SqliteConnection($"Data Source={App.DatabaseFile}"))
        {
            // Tag rows past the limit; their customers need not exist for the plan (the foreign key is off here only).
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys=OFF; INSERT INTO CustomerTag (CustomerId, Tag) SELECT lower(hex(randomblob(16))), 'common-tag' "
                + $"FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= {ListCustomersHandler.RareTag}) SELECT i FROM n);";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var rarePage = (await PlansAsync(new Caller(), new ListCustomersQuery { Tag = "rare-tag" }))[^1];
        var commonPage = (await PlansAsync(new Caller(), new ListCustomersQuery { Tag = "common-tag" }))[^1];

        Assert.Contains("INDEX IX_CustomerTag_Tag (Tag=?)", rarePage, StringComparison.Ordinal);
        Assert.DoesNotContain("(CustomerId=? AND Tag=?)", rarePage, StringComparison.Ordinal);
        // The common tag is probed customer by customer, in the list's order.
        Assert.Contains("(CustomerId=? AND Tag=?)", commonPage, StringComparison.Ordinal);
        Assert.DoesNotContain("IX_CustomerTag_Tag", commonPage, StringComparison.Ordinal);
        // And the rare tag's page is its customers, for the whole base as for the owner.
        Assert.Equal(rare.Id, Assert.Single((await Read<Page<CustomerSummaryDto>>(await (await As(Who.Admin)).GetAsync("/api/v1/customers?tag=rare-tag"))).Items).Id);
        Assert.Equal(rare.Id, Assert.Single((await Read<Page<CustomerSummaryDto>>(await (await As(Who.Rep1)).GetAsync("/api/v1/customers?tag=rare-tag"))).Items).Id);
    }

    private async Task UseMillionCustomerStatisticsAsync()
    {
        await Arrange.OwnedByAsync(App, Who.Rep1);
        using (var connection = new SqliteConnection($"Data Source={App.DatabaseFile}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ANALYZE; DELETE FROM sqlite_stat1 WHERE tbl = 'Customers';"
                + string.Concat(MillionCustomers.Select(s => $"INSERT INTO sqlite_stat1 VALUES ('Customers', '{s.Index}', '{s.Stat}');"));
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// A rep's search reads the rep's own range of the term index, not every customer's terms that start the same way:
    /// at a million customers "宁波" matched 21,000 terms in all and 127 of one rep's (62 ms against 2 ms).
    /// </summary>
    [Fact]
    public async Task A_reps_search_reads_only_the_terms_of_the_reps_own_customers()
    {
        await Arrange.OwnedByAsync(App, Who.Rep1, "Ningbo Harbour Works");
        var rep = new Caller();
        rep.BecomeUser(App.UserIds[Who.Rep1], Crm.Api.Domain.Role.Rep, App.TeamA, "test", []);

        var plans = await PlansAsync(rep, new ListCustomersQuery { Q = "ningbo" });

        Assert.Contains("USING COVERING INDEX IX_CustomerSearchTerms_OwnerId_Term_CustomerId (OwnerId=? AND Term>? AND Term<?)",
            Assert.Single(plans), StringComparison.Ordinal);
    }

    /// <summary>
    /// A search keeps the unarchived customers its terms match and sorts them in the list's order; for a prefix that
    /// thousands of customers share (a common given name over the whole base), that is thousands of customers read by
    /// Id. The Id index carries what the search tests and sorts on, so each match is one seek in it and no table row:
    /// 297 against 190 ms for 232,000 matches at a million, 83 against 38 ms for 24,000.
    /// </summary>
    [Fact]
    public async Task A_search_tests_and_sorts_its_matches_on_the_id_index_without_reading_their_rows()
    {
        await UseMillionCustomerStatisticsAsync();
        await Arrange.OwnedByAsync(App, Who.Rep1, "Ningbo Harbour Works");
        var rep = new Caller();
        rep.BecomeUser(App.UserIds[Who.Rep1], Crm.Api.Domain.Role.Rep, App.TeamA, "test", []);

        var wholeBase = Assert.Single(await PlansAsync(new Caller(), new ListCustomersQuery { Q = "ningbo" }));
        var repsBook = Assert.Single(await PlansAsync(rep, new ListCustomersQuery { Q = "ningbo" }));

        // The page is chosen on the Id index alone; its rows are read after, by Id.
        Assert.Contains("USING COVERING INDEX IX_Customers_Id_OwnerId_ArchivedAt_ListOrder (Id=?)", wholeBase, StringComparison.Ordinal);
        Assert.Contains("USING COVERING INDEX IX_Customers_Id_OwnerId_ArchivedAt_ListOrder (Id=? AND OwnerId=? AND ArchivedAt=?)", repsBook, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every page shows each customer's primary contact. The contacts index by customer carries whether a contact is the
    /// primary one and its customer's owner, so the page reads them from the index alone instead of every contact's row:
    /// a manager's page of 51 rows took 0.32 against 0.40 ms of SQLite at a million (docs/performance.md, "Nineteenth round").
    /// </summary>
    [Fact]
    public async Task A_page_finds_each_customers_primary_contact_in_the_contacts_index_without_reading_their_rows()
    {
        await Arrange.OwnedByAsync(App, Who.Rep1, "Primary Contact Plan Works");
        var manager = new Caller();
        manager.BecomeUser(App.UserIds[Who.ManagerA], Crm.Api.Domain.Role.Manager, App.TeamA, "test",
            [App.UserIds[Who.ManagerA], App.UserIds[Who.Rep1], App.UserIds[Who.Rep2]]);

        var wholeBase = Assert.Single(await PlansAsync(new Caller(), new ListCustomersQuery()));
        var managersBook = Assert.Single(await PlansAsync(manager, new ListCustomersQuery { Sort = "name" }));

        Assert.Contains("USING COVERING INDEX IX_Contacts_CustomerId_Name_IsPrimary_CustomerOwnerId (CustomerId=?)", wholeBase, StringComparison.Ordinal);
        Assert.Contains("USING COVERING INDEX IX_Contacts_CustomerId_Name_IsPrimary_CustomerOwnerId (CustomerId=?)", managersBook, StringComparison.Ordinal);
    }

    private async Task<List<string>> PlansAsync(Caller caller, ListCustomersQuery query)
    {
        var plans = new PlanRecorder();
        var options = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite($"Data Source={App.DatabaseFile}").AddInterceptors(plans).Options;
        await using var db = new SqliteCrmDbContext(options);
        db.For(caller, TimeProvider.System);
        await new ListCustomersHandler(db, App.Services.GetRequiredService<IMapper>()).Handle(query, CancellationToken.None);
        return plans.Plans;
    }

    /// <summary>Explains every query the list runs, on its own connection and with its own parameters, before it runs.</summary>
    private sealed class PlanRecorder : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (SqliteParameter p in command.Parameters) explain.Parameters.Add(new SqliteParameter(p.ParameterName, p.Value));
            var lines = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(3));
            Plans.Add(string.Join(" | ", lines));
            return result;
        }
    }
}
