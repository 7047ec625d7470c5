using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Api.Domain;
using Crm.Api.Features.Customers;
using Crm.Api.Features.DataExchange;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Integration;

/// <summary>Contacts and deals come in from CSV too: matched instead of duplicated, under the same rules as by hand.</summary>
public abstract class ContactAndDealImportTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static StringContent Csv(string text) => ImportArrange.Csv(text);

    private Task<ImportJobDto> RunImportAsync(HttpClient client, string kind, string csv) => ImportArrange.RunAsync(App, client, kind, csv);

    private static async Task<Guid> AddContactAsync(HttpClient client, Guid customerId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", body, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Json)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_contact_dry_run_matches_by_phone_then_email_then_name_within_the_customer_and_writes_nothing()
    {
        var rep = await As(Who.Rep1);
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "联系人导入客户", new { code = "CI-1" });
        var byPhone = await AddContactAsync(rep, customer.Id, new { name = "王伟", mobile = "13900000001" });
        var byEmail = await AddContactAsync(rep, customer.Id, new { name = "李娜", email = "lina@ci.example" });
        var byName = await AddContactAsync(rep, customer.Id, new { name = "张敏", title = "采购" });
        await Arrange.OwnedByAsync(App, Who.Rep3, "别人的客户", new { code = "CI-THEIRS" });
        var before = App.WithDb(db => db.Contacts.Count());

        var csv = """
            customerCode,name,title,mobile,email
            CI-1,王伟,经理,13900000001,
            CI-1,李娜 Lina,,,LINA@ci.example
            CI-1,张敏,采购,,
            CI-1,赵强,工程师,13900000009,
            CI-THEIRS,陈静,,,
            CI-NONE,刘洋,,,
            CI-1,孙丽,,,not-an-email
            """;
        var report = await Read<ImportReportDto>(await rep.PostAsync("/api/v1/imports/contacts", Csv(csv)));

        Assert.Equal(("contacts", 7, 1, 2, 1, 3), (report.Kind, report.Total, report.Create, report.Update, report.Skip, report.Failed));
        var planned = report.Rows.ToDictionary(r => r.Row);
        Assert.Equal((ImportAction.Update, byPhone, "phone"), (planned[2].Action, planned[2].RecordId, planned[2].MatchedBy));
        Assert.Equal((ImportAction.Update, byEmail, "email"), (planned[3].Action, planned[3].RecordId, planned[3].MatchedBy));
        Assert.Equal((ImportAction.Skip, byName, "name"), (planned[4].Action, planned[4].RecordId, planned[4].MatchedBy));
        Assert.Equal((ImportAction.Create, customer.Id), (planned[5].Action, planned[5].CustomerId));
        Assert.Contains(report.Errors, e => e.Row == 6 && e.Field == "customerCode" && e.Message.Contains("not one you can see"));
        Assert.Contains(report.Errors, e => e.Row == 7 && e.Field == "customerCode" && e.Message.Contains("No customer"));
        Assert.Contains(report.Errors, e => e.Row == 8 && e.Field == "email");
        Assert.Equal(before, App.WithDb(db => db.Contacts.Count()));
    }

    [Fact]
    public async Task Imported_contacts_keep_exactly_one_primary_per_customer()
    {
        var rep = await As(Who.Rep1);
        var fresh = await Arrange.OwnedByAsync(App, Who.Rep1, "无联系人客户", new { code = "CP-FRESH" });
        var moving = await Arrange.OwnedByAsync(App, Who.Rep1, "换主联系人客户", new { code = "CP-MOVE" });
        var oldPrimary = await AddContactAsync(rep, moving.Id, new { name = "老主联系人" });

        var job = await RunImportAsync(rep, "contacts", """
            customerCode,name,isPrimary
            CP-FRESH,第一位,
            CP-FRESH,第二位,
            CP-MOVE,新主联系人,是
            """);
        Assert.Equal((ImportStatus.Succeeded, 3, 0), (job.Status, job.Created, job.Failed));
        // The first contact of a customer becomes its primary, as when it is added by hand; isPrimary moves the primary.
        Assert.Equal(["第一位"], App.WithDb(db => db.Contacts.Where(c => c.CustomerId == fresh.Id && c.IsPrimary).Select(c => c.Name).ToList()));
        Assert.Equal(["新主联系人"], App.WithDb(db => db.Contacts.Where(c => c.CustomerId == moving.Id && c.IsPrimary).Select(c => c.Name).ToList()));
        Assert.False(App.WithDb(db => db.Contacts.Single(c => c.Id == oldPrimary).IsPrimary));

        // The primary cannot be unset, and one file cannot name two primaries for one customer: the batch is refused whole.
        var refused = await RunImportAsync(rep, "contacts", """
            customerCode,name,isPrimary
            CP-MOVE,新主联系人,否
            CP-FRESH,第二位,是
            CP-FRESH,第三位,是
            """);
        Assert.Equal((ImportStatus.CompletedWithErrors, 0, 3), (refused.Status, refused.Created + refused.Updated, refused.Failed));
        Assert.Contains(refused.Errors, e => e.Row == 2 && e.Field == "isPrimary");
        Assert.Contains(refused.Errors, e => e.Row == 4 && e.Field == "isPrimary" && e.Message.Contains("Row 3"));
        Assert.Equal(["第一位"], App.WithDb(db => db.Contacts.Where(c => c.CustomerId == fresh.Id && c.IsPrimary).Select(c => c.Name).ToList()));
        Assert.Equal(0, App.WithDb(db => db.Contacts.Count(c => c.Name == "第三位")));
    }

    [Fact]
    public async Task An_imported_deal_is_recorded_as_if_entered_by_hand_and_importing_the_file_again_records_nothing()
    {
        var rep = await As(Who.Rep1);
        var byHand = await Arrange.OwnedByAsync(App, Who.Rep1, "手工成交客户", new { code = "DI-HAND" });
        var imported = await Arrange.OwnedByAsync(App, Who.Rep1, "导入成交客户", new { code = "DI-FILE" });
        Assert.Equal(Lifecycle.Prospect, imported.Lifecycle);
        foreach (var on in new[] { "2026-03-02", "2026-03-02" })
            Assert.Equal(HttpStatusCode.Created, (await rep.PostAsJsonAsync($"/api/v1/customers/{byHand.Id}/purchases",
                new { purchasedOn = on, product = "变压器", category = "设备", quantity = 2, unitPrice = 3000 }, Json)).StatusCode);
        await rep.PostAsJsonAsync($"/api/v1/customers/{byHand.Id}/purchases", new { purchasedOn = "2026-05-10", product = "电缆", category = "材料", quantity = 10, unitPrice = 80.5, listUnitPrice = 90 }, Json);

        // Two identical deals on one day are two deals.
        var csv = """
            customerCode,purchasedOn,product,category,quantity,unitPrice,listUnitPrice,currency
            DI-FILE,2026-03-02,变压器,设备,2,3000,,
            DI-FILE,2026-03-02,变压器,设备,2,3000,,
            DI-FILE,2026-05-10,电缆,材料,10,80.5,90,CNY
            """;
        var job = await RunImportAsync(rep, "purchases", csv);
        Assert.Equal((ImportStatus.Succeeded, 3, 0), (job.Status, job.Created, job.Skipped));

        var hand = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{byHand.Id}"));
        var file = await Read<CustomerDto>(await rep.GetAsync($"/api/v1/customers/{imported.Id}"));
        Assert.Equal((Lifecycle.Active, hand.Points, hand.Tier), (file.Lifecycle, file.Points, file.Tier));
        Assert.True(file.Points > 0);
        Assert.Equal(App.WithDb(db => db.Purchases.Where(p => p.CustomerId == byHand.Id).Sum(p => (double)p.Amount)),
            App.WithDb(db => db.Purchases.Where(p => p.CustomerId == imported.Id).Sum(p => (double)p.Amount)));

        var again = await RunImportAsync(rep, "purchases", csv);
        Assert.Equal((ImportStatus.Succeeded, 0, 3), (again.Status, again.Created, again.Skipped));
        Assert.Equal(3, App.WithDb(db => db.Purchases.Count(p => p.CustomerId == imported.Id)));
    }

    [Fact]
    public async Task A_deal_batch_with_a_bad_row_records_nothing_and_the_deal_export_goes_back_in_unchanged()
    {
        var rep = await As(Who.Rep1);
        var customer = await Arrange.OwnedByAsync(App, Who.Rep1, "成交往返客户", new { code = "DR-1" });
        var job = await RunImportAsync(rep, "purchases", """
            customerCode,purchasedOn,product,category,quantity,unitPrice
            DR-1,2026-04-01,阀门,设备,1,500
            DR-1,2099-01-01,阀门,设备,1,500
            DR-1,2026-04-02,阀门,设备,abc,500
            """);
        Assert.Equal((ImportStatus.CompletedWithErrors, 0, 3), (job.Status, job.Created, job.Failed));
        Assert.Contains(job.Errors, e => e.Row == 3 && e.Field == "purchasedOn");
        Assert.Contains(job.Errors, e => e.Row == 4 && e.Field == "quantity");
        Assert.Equal(0, App.WithDb(db => db.Purchases.Count(p => p.CustomerId == customer.Id)));

        await RunImportAsync(rep, "purchases", "customerCode,purchasedOn,product,category,quantity,unitPrice\nDR-1,2026-04-01,阀门,设备,1,500\n");
        var export = await rep.GetAsync($"/api/v1/purchases/export?customerId={customer.Id}");
        var text = Encoding.UTF8.GetString((await export.Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("purchasedOn,customerCode,customer,", text);
        var report = await Read<ImportReportDto>(await rep.PostAsync("/api/v1/imports/purchases", Csv(text)));
        Assert.Equal((1, 1, 0), (report.Total, report.Skip, report.Failed));
    }
}

public sealed class ContactAndDealImportTestsOnSqlite(SqliteApp app) : ContactAndDealImportTests<SqliteApp>(app);

public sealed class ContactAndDealImportTestsOnSqlServer(SqlServerApp app) : ContactAndDealImportTests<SqlServerApp>(app);
