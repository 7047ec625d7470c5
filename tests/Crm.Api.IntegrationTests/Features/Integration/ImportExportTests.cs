using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.Api.Domain;
using Crm.Api.Features.DataExchange;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Features.Integration;

/// <summary>CSV import that updates instead of duplicating, with a dry run that writes nothing; CSV export Excel can open.</summary>
public abstract class ImportExportTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static StringContent Csv(string text) => ImportArrange.Csv(text);

    private Task<ImportJobDto> RunImportAsync(HttpClient client, string csv) => ImportArrange.RunAsync(App, client, "customers", csv);

    [Fact]
    public async Task A_dry_run_plans_create_update_and_skip_by_code_phone_email_and_name_and_writes_nothing()
    {
        var rep = await As(Who.Rep1);
        var byCode = await Arrange.OwnedByAsync(App, Who.Rep1, "按代码", new { code = "IMP-CODE-1" });
        var byPhone = await Arrange.OwnedByAsync(App, Who.Rep1, "按电话", new { phone = "021-5550101" });
        var byEmail = await Arrange.OwnedByAsync(App, Who.Rep1, "按邮箱", new { email = "buyer@imp.example" });
        var byName = await Arrange.OwnedByAsync(App, Who.Rep1, "按名称导入公司");
        var unchanged = await Arrange.OwnedByAsync(App, Who.Rep1, "不变公司", new { code = "IMP-SAME", level = "B" });
        var before = App.WithDb(db => db.Customers.Count());

        var csv = """
            code,name,level,phone,email,region
            IMP-CODE-1,按代码 新名,A,,,
            ,按电话 新名,,021-5550101,,华东
            ,按邮箱,,,BUYER@imp.example,华南
            ,按名称导入公司,Special,,,
            IMP-SAME,不变公司,B,,,
            ,全新客户,C,13800000000,new@imp.example,西北
            ,,Z,,not-an-email,
            """;
        var report = await Read<ImportReportDto>(await rep.PostAsync("/api/v1/imports/customers?dryRun=true", Csv(csv)));

        Assert.Equal((7, 1, 4, 1, 1), (report.Total, report.Create, report.Update, report.Skip, report.Failed));
        var planned = report.Rows.ToDictionary(r => r.Row);
        Assert.Equal((ImportAction.Update, byCode.Id, "code"), (planned[2].Action, planned[2].CustomerId, planned[2].MatchedBy));
        Assert.Equal((ImportAction.Update, byPhone.Id, "phone"), (planned[3].Action, planned[3].CustomerId, planned[3].MatchedBy));
        Assert.Equal((ImportAction.Update, byEmail.Id, "email"), (planned[4].Action, planned[4].CustomerId, planned[4].MatchedBy));
        Assert.Equal((ImportAction.Update, byName.Id, "name"), (planned[5].Action, planned[5].CustomerId, planned[5].MatchedBy));
        Assert.Equal((ImportAction.Skip, unchanged.Id), (planned[6].Action, planned[6].CustomerId));
        Assert.Equal(ImportAction.Create, planned[7].Action);
        Assert.Equal(ImportAction.Error, planned[8].Action);
        Assert.Contains(report.Errors, e => e.Row == 8 && e.Field == "level");
        Assert.Contains(report.Errors, e => e.Row == 8 && e.Field == "name");
        Assert.Contains(report.Errors, e => e.Row == 8 && e.Field == "email");

        // Nothing was written.
        Assert.Equal(before, App.WithDb(db => db.Customers.Count()));
        Assert.Equal("按代码", App.WithDb(db => db.Customers.Single(c => c.Id == byCode.Id).Name));
    }

    [Fact]
    public async Task Rows_match_only_customers_in_the_importers_scope()
    {
        // Rep3's customer shares the phone and e-mail, but Rep1 cannot see it: Rep1's rows create their own customers.
        await Arrange.OwnedByAsync(App, Who.Rep3, "别人的同号客户", new { phone = "0755-8880001", email = "shared@scope.example" });
        var report = await Read<ImportReportDto>(await (await As(Who.Rep1)).PostAsync("/api/v1/imports/customers",
            Csv("name,phone,email\n同号新客户,0755-8880001,\n同邮箱新客户,,SHARED@scope.example\n")));
        Assert.Equal((2, 2, 0), (report.Total, report.Create, report.Update));

        var manager = await Read<ImportReportDto>(await (await As(Who.ManagerB)).PostAsync("/api/v1/imports/customers",
            Csv("name,phone\n同号新客户,0755-8880001\n")));
        Assert.Equal((1, "phone"), (manager.Update, manager.Rows[0].MatchedBy));   // Rep3's manager sees it
    }

    [Fact]
    public async Task The_real_run_writes_valid_batches_whole_reports_progress_and_a_second_run_of_the_same_file_changes_nothing()
    {
        var manager = await As(Who.ManagerA);
        var lines = new StringBuilder("code,name,level,ownerEmail,tags\n");
        for (var i = 0; i < 1200; i++) lines.Append(FormattableString.Invariant($"BULK-{i:0000},批量客户 {i},B,rep2@test.crm,导入;华东\n"));
        var job = await RunImportAsync(manager, lines.ToString());
        Assert.Equal((ImportStatus.Succeeded, 1200, 1200, 100.0, 1200, 0, 0), (job.Status, job.TotalRows, job.ProcessedRows, job.Percent, job.Created, job.Updated, job.Failed));
        Assert.Equal(1200, App.WithDb(db => db.Customers.Count(c => c.Code.StartsWith("BULK-") && c.OwnerId == App.UserIds[Who.Rep2])));
        Assert.Equal(2, App.WithDb(db => db.Customers.Where(c => c.Code == "BULK-0001").SelectMany(c => c.Tags).Count()));

        // Importing the same file again matches every row by code: nothing to create, nothing to change.
        var again = await RunImportAsync(manager, lines.ToString());
        Assert.Equal((ImportStatus.Succeeded, 0, 0, 1200), (again.Status, again.Created, again.Updated, again.Skipped));
        Assert.Equal(1200, App.WithDb(db => db.Customers.Count(c => c.Code.StartsWith("BULK-"))));
    }

    [Fact]
    public async Task The_uploaded_file_is_kept_until_its_import_ends_and_then_only_the_report_remains()
    {
        var rep = await As(Who.Rep1);
        var csv = "code,name,level\nFILE-1,留档一,A\nFILE-2,,A\n";
        var queued = await Read<ImportJobDto>(await rep.PostAsync("/api/v1/imports/customers?dryRun=false", Csv(csv)), HttpStatusCode.Accepted);
        Assert.Equal(csv, App.WithDb(db => db.ImportFiles.Single(f => f.JobId == queued.Id).Content));

        Assert.True(await App.Services.GetRequiredService<ImportWorker>().RunNextAsync(CancellationToken.None));

        Assert.False(App.WithDb(db => db.ImportFiles.Any(f => f.JobId == queued.Id)));
        var finished = await Read<ImportJobDto>(await rep.GetAsync($"/api/v1/imports/{queued.Id}"));
        Assert.Equal((ImportStatus.CompletedWithErrors, 2, 2), (finished.Status, finished.ProcessedRows, finished.Failed));
        Assert.Contains(finished.Errors, e => e.Row == 3 && e.Field == "name");
    }

    [Fact]
    public async Task A_batch_with_an_invalid_row_is_not_written_at_all()
    {
        var rep = await As(Who.Rep1);
        var job = await RunImportAsync(rep, "code,name,level\nHALF-1,半批一,A\nHALF-2,,A\nHALF-3,半批三,A\n");
        Assert.Equal((ImportStatus.CompletedWithErrors, 0, 3), (job.Status, job.Created, job.Failed));
        Assert.Contains(job.Errors, e => e.Row == 3 && e.Field == "name");
        Assert.Equal(0, App.WithDb(db => db.Customers.Count(c => c.Code.StartsWith("HALF-"))));
    }

    [Theory]
    [InlineData("", "file")]
    [InlineData("nom,pays\nA,B\n", "nom")]
    public async Task A_file_that_cannot_be_read_is_refused_with_the_reason(string csv, string field)
    {
        var problem = await Problem(await (await As(Who.Rep1)).PostAsync("/api/v1/imports/customers?dryRun=false", Csv(csv)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task An_export_is_utf8_with_a_bom_follows_the_filters_and_the_callers_scope()
    {
        await Arrange.OwnedByAsync(App, Who.Rep1, "导出客户甲", new { region = "导出区" });
        await Arrange.OwnedByAsync(App, Who.Rep3, "导出客户乙", new { region = "导出区" });
        var response = await (await As(Who.Rep1)).GetAsync("/api/v1/customers/export?region=导出区");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,name,kind,level", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains("导出客户甲", row);

        // The export can go straight back in: export-only columns are read past, and nothing changes.
        var report = await Read<ImportReportDto>(await (await As(Who.Rep1)).PostAsync("/api/v1/imports/customers", Csv(string.Join("\n", lines))));
        Assert.Equal((1, 1, 0), (report.Total, report.Skip, report.Failed));
    }

    [Fact]
    public async Task Visit_complaint_and_referral_lists_export_with_their_filters_in_the_callers_scope()
    {
        var rep1 = await As(Who.Rep1);
        var mine = await Arrange.OwnedByAsync(App, Who.Rep1, "导出拜访甲", new { code = "EXP-MINE" });
        var theirs = await Arrange.OwnedByAsync(App, Who.Rep3, "导出拜访乙", new { code = "EXP-THEIRS" });
        var start = App.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await Crm.Api.IntegrationTests.Features.Visits.VisitArrange.LogAsync(rep1, mine.Id, "OnSite", start);
        await Crm.Api.IntegrationTests.Features.Visits.VisitArrange.LogAsync(await As(Who.Rep3), theirs.Id, "OnSite", start);
        var service = await As(Who.Service);
        var complaint = await Crm.Api.IntegrationTests.Features.Complaints.ComplaintArrange.LogAsync(service, mine.Id, "High");
        await Crm.Api.IntegrationTests.Features.Complaints.ComplaintArrange.LogAsync(service, theirs.Id, "Low");
        Assert.Equal(HttpStatusCode.Created, (await rep1.PostAsJsonAsync("/api/v1/referrals",
            new { referrerId = mine.Id, newProspect = new { name = "导出介绍客户", kind = "Company" }, channel = "Phone" }, Json)).StatusCode);

        async Task<string[]> ExportAsync(HttpClient client, string url)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }

        var visits = await ExportAsync(rep1, "/api/v1/visits/export");
        Assert.StartsWith("customerCode,customer,", visits[0]);
        Assert.Contains(visits, l => l.StartsWith("EXP-MINE,", StringComparison.Ordinal));
        Assert.DoesNotContain(visits, l => l.StartsWith("EXP-THEIRS,", StringComparison.Ordinal));

        var complaints = await ExportAsync(rep1, "/api/v1/complaints/export?severity=High");
        Assert.Equal(complaint.Number, complaints[1].Split(',')[0]);
        Assert.Equal(2, complaints.Length);
        Assert.Single(await ExportAsync(rep1, "/api/v1/complaints/export?severity=Low"));   // the header only: the Low one is Rep3's

        var referrals = await ExportAsync(rep1, "/api/v1/referrals/export?status=New");
        Assert.Contains(referrals, l => l.StartsWith("导出拜访甲,导出介绍客户,Phone,", StringComparison.Ordinal));
        await Problem(await rep1.GetAsync("/api/v1/referrals/export?status=Nonsense"), HttpStatusCode.BadRequest);
    }
}

public sealed class ImportExportTestsOnSqlite(SqliteApp app) : ImportExportTests<SqliteApp>(app)
{
    [Fact]
    public async Task The_import_connection_goes_back_to_the_pool_with_the_ordinary_settings()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Crm.Api.Persistence.CrmDbContext>();
        await db.Database.OpenConnectionAsync();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:SqliteImportCacheMb"] = "48", ["Database:SqliteImportCheckpointPages"] = "20000", ["Database:SqliteCacheKib"] = "3000",
        }).Build();
        (long CacheSize, long CheckpointPages) Pragmas() => (Pragma("cache_size"), Pragma("wal_autocheckpoint"));
        long Pragma(string name)
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA " + name;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using (await ImportConnectionSettings.ApplyAsync(db, settings, CancellationToken.None))
            Assert.Equal((-48 * 1024L, 20000L), Pragmas());

        // An ordinary request that gets this pooled connection next must not keep the import's cache or let the WAL grow.
        Assert.Equal((-3000L, 1000L), Pragmas());
    }
}

public sealed class ImportExportTestsOnSqlServer(SqlServerApp app) : ImportExportTests<SqlServerApp>(app);
