using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Benchmarks.Load;

/// <summary>
/// What is measured, in order. The first is the bare baseline (/health/live) that every other figure is compared with.
/// Reads pick records at random from the caller's scope; writes use their own records per worker so that no two
/// workers race for one row (a 412 would be the benchmark's fault, not the API's).
/// </summary>
internal static class Scenarios
{
    private enum As { Anonymous, Rep, Manager, ApiKey }

    /// <summary>Workers for the reports: four in flight keep both cores busy without measuring only the queue.</summary>
    private const int Heavy = 4;

    public static IEnumerable<Scenario> All(Session s, int importRows)
    {
        var sample = s.Sample;
        var year = DateTime.UtcNow.Year - 1;
        // Writers: each worker updates only its own slice of the rep's customers and keeps the ETag it was given back.
        const int Slices = 64;
        var versions = Enumerable.Range(0, Slices).Select(_ => new Dictionary<Guid, long>()).ToArray();
        var slices = Enumerable.Range(0, Slices).Select(w => sample.RepCustomers.Where((_, i) => i % Slices == w).DefaultIfEmpty(sample.RepCustomers[0]).ToList()).ToArray();

        yield return new Scenario("health-live", "none", (_, _) => Send(s, As.Anonymous, HttpMethod.Get, "health/live"));

        yield return new Scenario("customer-get", "rep", (_, n) => Send(s, As.Rep, HttpMethod.Get, $"api/v1/customers/{Pick(sample.RepCustomers, n).Id}"));
        yield return new Scenario("customer-get", "manager", (_, n) => Send(s, As.Manager, HttpMethod.Get, $"api/v1/customers/{Pick(sample.TeamCustomers, n).Id}"));
        yield return new Scenario("customer-get", "api-key", (_, n) => Send(s, As.ApiKey, HttpMethod.Get, $"api/v1/customers/{Pick(sample.AnyCustomers, n).Id}"));

        yield return new Scenario("customers-list", "manager", (_, _) => Send(s, As.Manager, HttpMethod.Get, $"api/v1/customers?{sample.ListFilter}&limit=50"));
        yield return new Scenario("customers-list-deep", "manager", (_, _) =>
            Send(s, As.Manager, HttpMethod.Get, $"api/v1/customers?{sample.ListFilter}&limit=50&cursor={sample.DeepCursor}"));
        yield return new Scenario("customers-list", "api-key", (_, _) => Send(s, As.ApiKey, HttpMethod.Get, "api/v1/customers?level=A&region=%E5%8D%8E%E4%B8%9C%20East&sort=-createdAt&limit=50"));
        // An integration reading the whole base page by page, in the default order and by name: no filter narrows it.
        yield return new Scenario("customers-list-all", "api-key", (_, _) => Send(s, As.ApiKey, HttpMethod.Get, "api/v1/customers?limit=50"));
        yield return new Scenario("customers-list-all-name", "api-key", (_, _) => Send(s, As.ApiKey, HttpMethod.Get, "api/v1/customers?sort=name&limit=50"));
        // The whole base filtered on a column of few values, in list order: one industry or one region at a time, by turns.
        yield return new Scenario("customers-list-industry", "api-key", (_, n) => Send(s, As.ApiKey, HttpMethod.Get, $"api/v1/customers?industry={Generate.Vocabulary.Industries[(int)(n % Generate.Vocabulary.Industries.Length)]}&limit=50"));
        yield return new Scenario("customers-list-region", "api-key", (_, n) => Send(s, As.ApiKey, HttpMethod.Get, $"api/v1/customers?region={Uri.EscapeDataString(Generate.Vocabulary.Regions[(int)(n % Generate.Vocabulary.Regions.Length)])}&limit=50"));

        // A name prefix as people type it: the first two characters (a city for most company names, a surname and
        // given name for people); a phone by the first seven digits of its local number.
        yield return new Scenario("search-name", "rep", (_, n) => Send(s, As.Rep, HttpMethod.Get, $"api/v1/customers?q={Uri.EscapeDataString(Prefix(Pick(sample.RepCustomers, n).Name, 2))}&limit=20"));
        yield return new Scenario("search-name", "api-key", (_, n) => Send(s, As.ApiKey, HttpMethod.Get, $"api/v1/customers?q={Uri.EscapeDataString(Prefix(Pick(sample.AnyCustomers, n).Name, 4))}&limit=20"));
        yield return new Scenario("search-phone", "rep", (_, n) => Send(s, As.Rep, HttpMethod.Get, $"api/v1/customers?q={LocalPrefix(Pick(sample.RepCustomers, n).Phone)}&limit=20"));
        yield return new Scenario("search-phone", "api-key", (_, n) => Send(s, As.ApiKey, HttpMethod.Get, $"api/v1/customers?q={LocalPrefix(Pick(sample.AnyCustomers, n).Phone)}&limit=20"));

        yield return new Scenario("customer-create", "rep", (_, n) => Send(s, As.Rep, HttpMethod.Post, "api/v1/customers", new
        {
            name = $"压测客户 Bench {n.ToString(CultureInfo.InvariantCulture)} {Guid.NewGuid():N}"[..40], kind = "Company", level = "C", region = "华东 East",
            industry = "Manufacturing", phone = $"021-6{n % 10_000_000:0000000}", email = $"bench{n.ToString(CultureInfo.InvariantCulture)}@example.com",
        }, expect: 201));

        yield return new Scenario("customer-update", "rep", async (worker, n) =>
        {
            var mine = slices[worker % Slices];
            var customer = mine[(int)(n % mine.Count)];
            var known = versions[worker % Slices];
            var version = known.GetValueOrDefault(customer.Id, customer.Version);
            var response = await ExchangeAsync(s, As.Rep, null, HttpMethod.Put, $"api/v1/customers/{customer.Id}", new
            {
                name = customer.Name, code = customer.Code, kind = customer.Kind == 1 ? "Person" : "Company",
                level = customer.Level switch { 0 => "Special", 1 => "A", 2 => "B", _ => "C" }, phone = customer.Phone,
                postcode = (100000 + n % 899999).ToString(CultureInfo.InvariantCulture),
            }, ifMatch: $"\"{version.ToString(CultureInfo.InvariantCulture)}\"");
            if (response.Status is < 200 or >= 300) return $"{response.Status} {Short(response.FailureBody ?? "")}";
            known[customer.Id] = long.Parse(response.ETag!.Trim('"'), CultureInfo.InvariantCulture);
            return null;
        }, Pool: sample.RepCustomers.Count * 50);

        yield return new Scenario("visit-complete", "rep", (_, n) =>
        {
            var (visitId, email) = sample.OpenVisits[(int)n];
            var end = DateTime.UtcNow.AddMinutes(-5);
            return Send(s, s.TokensByEmail[email], HttpMethod.Post, $"api/v1/visits/{visitId}/complete", new
            {
                actualStart = end.AddMinutes(-45), actualEnd = end, summary = "Walked through the next quarter's order and the delivery plan.",
                outcome = "Quotation requested", nextSteps = "Send the quotation",
            });
        }, Pool: sample.OpenVisits.Count);

        // A sale recorded by the visiting reps on their own customers (not the measured rep's or team's): the save
        // refreshes the customer's statistics, month rows and composition cells in the same transaction.
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return new Scenario("purchase-record", "rep", (_, n) =>
        {
            var visitor = sample.Visitors[(int)(n % sample.Visitors.Count)];
            var customer = visitor.Customers[(int)(n / sample.Visitors.Count % visitor.Customers.Count)];
            return Send(s, s.TokensByEmail[visitor.Email], HttpMethod.Post, $"api/v1/customers/{customer}/purchases",
                new { purchasedOn = today, product = "Bench", category = "Parts", quantity = 1, unitPrice = 100 }, expect: 201);
        });

        // The report's first page (50 key accounts, furthest behind first) with the team's totals, as the SPA opens it;
        // this week may have hardly begun, so last week too (a full week of visits; weeks in the default Asia/Shanghai).
        yield return new Scenario("compliance-week", "manager", (_, _) => Send(s, As.Manager, HttpMethod.Get, $"api/v1/visits/compliance?teamId={sample.TeamId}&limit=50"), MaxConcurrency: Heavy);
        var lastWeek = DateTime.UtcNow.AddHours(8).AddDays(-7);
        var lastWeekKey = $"{ISOWeek.GetYear(lastWeek)}-W{ISOWeek.GetWeekOfYear(lastWeek):00}";
        yield return new Scenario("compliance-last-week", "manager", (_, _) =>
            Send(s, As.Manager, HttpMethod.Get, $"api/v1/visits/compliance?teamId={sample.TeamId}&week={lastWeekKey}&limit=50"), MaxConcurrency: Heavy);
        yield return new Scenario("loyalty", "rep", (_, n) => Send(s, As.Rep, HttpMethod.Get, $"api/v1/customers/{Pick(sample.RepCustomers, n).Id}/loyalty"),
            Prime: async () => Failure(await ExchangeAsync(s, As.Rep, null, HttpMethod.Get, $"api/v1/customers/{sample.RepCustomers[0].Id}/loyalty", through: s.Patient), 200));
        // The loyalty portfolio (stage/tier/segment mix over CustomerStats) and the win-back list, both for the manager's team.
        yield return new Scenario("loyalty-portfolio", "manager", (_, _) => Send(s, As.Manager, HttpMethod.Get, "api/v1/analytics/loyalty"), MaxConcurrency: Heavy,
            Prime: async () => Failure(await ExchangeAsync(s, As.Manager, null, HttpMethod.Get, "api/v1/analytics/loyalty", through: s.Patient), 200));
        yield return new Scenario("win-back", "manager", (_, _) => Send(s, As.Manager, HttpMethod.Get, "api/v1/analytics/win-back?limit=50"), MaxConcurrency: Heavy);
        yield return new Scenario("composition-year", "manager", (_, _) =>
            Send(s, As.Manager, HttpMethod.Get, $"api/v1/analytics/composition?by=level&from={year}-01-01&to={year}-12-31"), MaxConcurrency: Heavy);
        yield return new Scenario("composition-year", "api-key", (_, _) =>
            Send(s, As.ApiKey, HttpMethod.Get, $"api/v1/analytics/composition?by=level&from={year}-01-01&to={year}-12-31"), MaxConcurrency: Heavy);
        yield return new Scenario("complaint-queue", "api-key", (_, _) => Send(s, As.ApiKey, HttpMethod.Get, "api/v1/complaints?sla=open&sort=due&limit=50"));
        yield return new Scenario("dashboard", "rep", (_, _) => Send(s, As.Rep, HttpMethod.Get, "api/v1/dashboard"), MaxConcurrency: Heavy);
        yield return new Scenario("dashboard", "manager", (_, _) => Send(s, As.Manager, HttpMethod.Get, "api/v1/dashboard"), MaxConcurrency: Heavy);

        // Delta sync for the rep's phone: the first page of a fresh device, and a page from 90% of the way through the log.
        yield return new Scenario("sync", "rep", (_, _) => Send(s, As.Rep, HttpMethod.Get, "api/v1/sync?limit=200"));
        yield return new Scenario("sync-later", "rep", (_, _) => Send(s, As.Rep, HttpMethod.Get, $"api/v1/sync?since={s.Sample.SyncCursor}&limit=200"));

        // A CSV of new customers through the import path, start to finish, as the administrator (imports run as a person),
        // spread over all 200 reps so that no book grows much: a 1% warm-up import, then the measured one; the latency
        // is one whole import, and the rows per second are printed.
        yield return new Scenario("import", "admin", (_, n) => ImportAsync(s, n == 0 ? Math.Max(10, importRows / 100) : importRows, n), Pool: 2, MaxConcurrency: 1);
    }

    private static async Task<string?> ImportAsync(Session s, int rows, long n)
    {
        var csv = new System.Text.StringBuilder("code,name,kind,level,region,industry,phone,ownerEmail\n");
        var batch = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"IMP-{batch}-{i:000000},导入客户 Import {batch} {i},Company,C,华东 East,Manufacturing,021-7{(n * rows + i) % 10_000_000:0000000},rep{i % 200 + 1}@bench.crm\n");
        var admin = await s.SignIn(Generate.DatasetGenerator.AdminEmail);
        var started = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/imports/customers?dryRun=false");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        request.Content = new StringContent(csv.ToString(), System.Text.Encoding.UTF8, "text/csv");
        using var response = await s.Patient.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202) return $"{(int)response.StatusCode} {Short(body)}";
        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        while (true)
        {
            await Task.Delay(250);
            using var pollRequest = new HttpRequestMessage(HttpMethod.Get, $"api/v1/imports/{id}");
            pollRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var poll = await s.Patient.SendAsync(pollRequest);
            var job = System.Text.Json.JsonDocument.Parse(await poll.Content.ReadAsStringAsync()).RootElement;
            var status = job.GetProperty("status").GetString();
            if (status is "Queued" or "Running") continue;
            var seconds = started.Elapsed.TotalSeconds;
            Console.WriteLine($"  import: {rows:N0} rows in {seconds:0.0} s = {rows / seconds:N0} rows/s ({status}, created {job.GetProperty("created").GetInt32():N0}, failed {job.GetProperty("failed").GetInt32():N0})");
            return status == "Succeeded" ? null : $"import {status}";
        }
    }

    private static DataSample.CustomerRow Pick(IReadOnlyList<DataSample.CustomerRow> rows, long n) =>
        rows[(int)((n * 2654435761L) % rows.Count)];

    private static string Prefix(string text, int length) => text.Length <= length ? text : text[..length];

    private static string LocalPrefix(string phone) => new string(phone[(phone.IndexOf('-', StringComparison.Ordinal) + 1)..].Where(char.IsAsciiDigit).ToArray())[..7];

    private static async Task<string?> Send(Session s, As caller, HttpMethod method, string url, object? body = null, int expect = 200) =>
        Failure(await ExchangeAsync(s, caller, null, method, url, body), expect);

    private static async Task<string?> Send(Session s, string bearer, HttpMethod method, string url, object? body = null, int expect = 200) =>
        Failure(await ExchangeAsync(s, As.Anonymous, bearer, method, url, body), expect);

    private static string? Failure(LeanResponse response, int expect) =>
        response.Status == expect ? null : $"{response.Status} {Short(response.FailureBody ?? "")}";

    /// <summary>
    /// One request, through the lean client (<see cref="LeanHttpClient"/>) unless the run asked for HttpClient or the
    /// caller passes a client of its own (<paramref name="through"/>, for priming); either way the whole body is read
    /// before the request counts as answered.
    /// </summary>
    private static async Task<LeanResponse> ExchangeAsync(Session s, As caller, string? bearer, HttpMethod method, string url, object? body = null,
        string? ifMatch = null, HttpClient? through = null)
    {
        bearer ??= caller switch { As.Rep => s.RepToken, As.Manager => s.ManagerToken, _ => null };
        if (through is null && s.Lean is { } lean)
        {
            var headers = new List<KeyValuePair<string, string>>(2);
            if (bearer is not null) headers.Add(new("Authorization", "Bearer " + bearer));
            if (caller == As.ApiKey) headers.Add(new("X-Api-Key", s.ApiKey));
            if (ifMatch is not null) headers.Add(new("If-Match", ifMatch));
            return await lean.SendAsync(method.Method, url, headers, body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web));
        }
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (caller == As.ApiKey) request.Headers.Add("X-Api-Key", s.ApiKey);
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        using var response = await (through ?? s.Http).SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new LeanResponse((int)response.StatusCode, true, response.Headers.ETag?.Tag,
            response.IsSuccessStatusCode ? null : System.Text.Encoding.UTF8.GetString(bytes));
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] : text;
}
