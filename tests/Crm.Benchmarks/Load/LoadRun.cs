using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Crm.Benchmarks.Load;

internal sealed record LoadSettings(string Root, string Database, string ApiDll, TimeSpan Duration, TimeSpan Warmup, int Concurrency,
    int MaxRequestsPerScenario, IReadOnlySet<string>? Only, string? Markdown, bool LogSql, int ImportRows, int OpenAppointments, bool HttpClientForScenarios)
{
    public static LoadSettings From(BenchOptions options, string root, string database, int defaultSeconds) => new(
        root, database,
        options.Path("api", Path.Combine(root, "src", "Crm.Api", "bin", "Release", "net10.0", "Crm.Api.dll")),
        TimeSpan.FromSeconds(options.Int("seconds", defaultSeconds)),
        TimeSpan.FromMilliseconds(options.Int("warmup-ms", defaultSeconds >= 5 ? 1500 : 300)),
        options.Int("concurrency", 16),
        options.Int("max-requests", 300_000),
        options.String("scenarios") is { } only ? new HashSet<string>(only.Split(','), StringComparer.OrdinalIgnoreCase) : null,
        options.String("out"),
        options.Has("log-sql"),
        options.Int("import-rows", defaultSeconds >= 5 ? 100_000 : 300),
        options.Int("appointments", defaultSeconds >= 5 ? 3_000 : 100),
        options.String("client") switch
        {
            null or "lean" => false,
            "httpclient" => true,
            var other => throw new ArgumentException($"--client {other}: use lean (the default) or httpclient"),
        });
}

internal sealed record LoadReport(int Passed, int Failed);

/// <summary>
/// Drives the API with N concurrent workers per scenario, each sending one request at a time (closed loop), until
/// the duration or the request budget is spent. Every latency is kept and sorted for exact percentiles; a request
/// counts as an error when it fails or answers anything but the expected 2xx.
/// </summary>
internal sealed class LoadRun(LoadSettings settings, TextWriter log)
{
    public async Task<LoadReport> RunAsync()
    {
        log.WriteLine($"load: {settings.Database}, {settings.Concurrency} workers, {settings.Duration.TotalSeconds:0.#} s per scenario (at most {settings.MaxRequestsPerScenario:N0} requests), {(settings.HttpClientForScenarios ? "HttpClient" : "lean client")}");
        var sample = DataSample.Read(settings.Database);
        await using var api = await ApiProcess.StartAsync(settings, log);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Concurrency + 4,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var lean = settings.HttpClientForScenarios ? null : new LeanHttpClient(api.Address);
        var session = await Session.OpenAsync(http, lean, sample, log);
        if (settings.Only is null || settings.Only.Contains("visit-complete")) await TopUpAppointmentsAsync(session, sample);
        var scenarios = Scenarios.All(session, settings.ImportRows).Where(s => settings.Only is null || settings.Only.Contains(s.Name) || s.Name == "health-live").ToList();

        var results = new List<ScenarioResult>();
        var skipped = 0;
        foreach (var scenario in scenarios)
        {
            if (scenario.Pool == 0)
            {
                // Counted as a failure, so that the smoke run cannot pass with a scenario left out.
                skipped++;
                // Writes that use up records (completing open appointments) have none left in a file that earlier runs wrote to,
                // when the top-up is turned off (--appointments 0).
                log.WriteLine($"  {scenario.Name,-22} {scenario.Caller,-8} skipped: no records left for it in this file; pass --appointments N to plan them first");
                continue;
            }
            await SettleAsync(api);
            await session.RenewIfOldAsync();
            var result = await MeasureAsync(scenario, api);
            results.Add(result);
            log.WriteLine($"  {result.Name,-22} {result.Caller,-8} {result.RequestsPerSecond,9:N0} req/s  p50 {result.P50,7:0.00}  p95 {result.P95,7:0.00}  p99 {result.P99,7:0.00} ms  API CPU {result.CpuMsPerRequest,6:0.00} ms/req  client CPU {result.ClientCpuMsPerRequest,5:0.000} ms/req  errors {result.Errors}  RSS {result.RssMb:0} MB{(result.FirstError is null ? "" : "  first error: " + result.FirstError)}");
        }
        var (_, peak) = api.Memory();
        var table = Markdown(results, api.ColdStart, peak, sample);
        log.WriteLine();
        log.WriteLine(table);
        if (settings.Markdown is { } path) await File.WriteAllTextAsync(path, table);
        var passed = results.Count(r => r.Count > 0 && r.Errors == 0);
        return new LoadReport(passed, results.Count - passed + skipped);
    }

    /// <summary>
    /// Completing a visit uses up an open appointment, so a file that earlier runs wrote to has too few left to measure
    /// it. The visiting reps (<see cref="DataSample.Visitors"/>, outside the measured team) plan what is missing on their
    /// own customers through the API (POST /api/v1/visits, sixteen at a time), before anything is measured, so that the
    /// scenario always runs on the same number of appointments.
    /// </summary>
    private async Task TopUpAppointmentsAsync(Session session, DataSample sample)
    {
        var missing = settings.OpenAppointments - sample.OpenVisits.Count;
        if (missing <= 0) return;
        var started = Stopwatch.StartNew();
        var planned = new System.Collections.Concurrent.ConcurrentBag<(Guid, string)>();
        var start = DateTime.UtcNow.Date.AddDays(1).AddHours(1);
        await Parallel.ForEachAsync(Enumerable.Range(0, missing), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var visitor = sample.Visitors[i % sample.Visitors.Count];
            var customer = visitor.Customers[i / sample.Visitors.Count % visitor.Customers.Count];
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/visits")
            {
                Content = JsonContent.Create(new { customerId = customer, form = "OnSite", plannedStart = start.AddMinutes(i), plannedEnd = start.AddMinutes(i + 45), agenda = "Quarterly review" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.TokensByEmail[visitor.Email]);
            using var response = await session.Http.SendAsync(request, ct);
            await Session.EnsureAsync(response, "planning an appointment to complete");
            planned.Add(((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid(), visitor.Email));
        });
        sample.OpenVisits.AddRange(planned);
        log.WriteLine($"  planned {planned.Count:N0} appointments for visit-complete over {sample.Visitors.Count} reps outside the measured team (the file had {settings.OpenAppointments - missing:N0} open) in {started.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Waits until the API is idle (under 5% of a core for half a second, at most a minute): a request the client gave
    /// up on may still be running in the server, and its work must not be charged to the next scenario.
    /// </summary>
    private static async Task SettleAsync(ApiProcess api)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            var before = api.CpuTime();
            await Task.Delay(500);
            if ((api.CpuTime() - before).TotalMilliseconds < 25) return;
        }
    }

    private async Task<ScenarioResult> MeasureAsync(Scenario scenario, ApiProcess api)
    {
        var budget = Math.Min(settings.MaxRequestsPerScenario, scenario.Pool ?? int.MaxValue);
        // Warm-up: JIT, EF Core's query cache and the page cache get their first touch outside the measurement.
        var warmupBudget = scenario.Pool is null ? budget : Math.Max(1, budget / 20);
        // A report that builds a day's cache on first use (the RFM cut points) is primed once, alone, and the time
        // that took is printed: the measurement is the steady state, the first call is reported beside it.
        if (scenario.Prime is { } prime)
        {
            var primed = Stopwatch.StartNew();
            var error = await prime();
            log.WriteLine($"  {scenario.Name}: first call {primed.Elapsed.TotalSeconds:0.0} s{(error is null ? "" : " failed: " + error)}");
            // A first call that served a stored set starts a fresh computation in the background: not charged to the measurement.
            await SettleAsync(api);
        }
        var warm = await DriveAsync(scenario, settings.Warmup, warmupBudget, 0);
        var cpuBefore = api.CpuTime();
        var clientBefore = ClientCpuTime();
        var measured = await DriveAsync(scenario, settings.Duration, budget - warm.Count, warm.Count);
        var cpu = api.CpuTime() - cpuBefore;
        var clientCpu = ClientCpuTime() - clientBefore;
        var (rss, _) = api.Memory();
        return measured.Result(scenario, rss, cpu, clientCpu);
    }

    /// <summary>The load generator's own CPU: it shares the API's cores, so what it spends is taken from the API.</summary>
    private static TimeSpan ClientCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private async Task<Samples> DriveAsync(Scenario scenario, TimeSpan duration, int budget, long offset)
    {
        var concurrency = Math.Min(settings.Concurrency, scenario.MaxConcurrency ?? int.MaxValue);
        var samples = new Samples(concurrency);
        if (budget <= 0) return samples;
        long issued = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var latencies = samples.Latencies[worker];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var n = Interlocked.Increment(ref issued);
                if (n > budget) break;
                var started = Stopwatch.GetTimestamp();
                string? error;
                try
                {
                    error = await scenario.Run(worker, offset + n - 1);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or IOException or System.Net.Sockets.SocketException)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                latencies.Add(Stopwatch.GetTimestamp() - started);
                if (error is not null) samples.Fail(error);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        samples.Elapsed = clock.Elapsed;
        return samples;
    }

    private string Markdown(List<ScenarioResult> results, TimeSpan coldStart, double peakMb, DataSample sample)
    {
        var baseline = results.FirstOrDefault(r => r.Name == "health-live");
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Cold start to the first answered request: {coldStart.TotalMilliseconds:0} ms. Peak RSS (VmHWM) over the run: {peakMb:0} MB. " +
            $"{settings.Concurrency} workers, {settings.Duration.TotalSeconds:0.#} s per scenario, {(settings.HttpClientForScenarios ? "HttpClient" : "the lean client")}. The list filter matches {sample.ListRows:N0} of the team's customers.");
        text.AppendLine();
        text.AppendLine("| scenario | caller | req/s | % of /health/live | p50 ms | p95 ms | p99 ms | max ms | API CPU ms/req | × /health/live CPU | requests | errors | RSS MB | client CPU ms/req |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var share = baseline is { RequestsPerSecond: > 0 } ? r.RequestsPerSecond / baseline.RequestsPerSecond * 100 : 0;
            var cpuRatio = baseline is { CpuMsPerRequest: > 0 } ? r.CpuMsPerRequest / baseline.CpuMsPerRequest : 0;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Caller} | {r.RequestsPerSecond:N0} | {share:0.0}% | {r.P50:0.00} | {r.P95:0.00} | {r.P99:0.00} | {r.Max:0.0} | {r.CpuMsPerRequest:0.000} | {cpuRatio:0.0} | {r.Count:N0} | {r.Errors} | {r.RssMb:0} | {r.ClientCpuMsPerRequest:0.000} |");
        }
        return text.ToString();
    }

    /// <summary>Per-worker latency lists (no sharing while measuring), merged and sorted once at the end.</summary>
    private sealed class Samples(int workers)
    {
        private long _errors;
        private string? _firstError;

        public List<long>[] Latencies { get; } = [.. Enumerable.Range(0, workers).Select(_ => new List<long>(4096))];
        public TimeSpan Elapsed { get; set; }
        public int Count => Latencies.Sum(l => l.Count);

        public void Fail(string error)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, error, null);
        }

        public ScenarioResult Result(Scenario scenario, double rssMb, TimeSpan cpu, TimeSpan clientCpu)
        {
            var all = Latencies.SelectMany(l => l).ToArray();
            Array.Sort(all);
            double Ms(double quantile) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(quantile * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
            return new ScenarioResult(scenario.Name, scenario.Caller, all.Length, _errors, all.Length / Math.Max(Elapsed.TotalSeconds, 1e-9),
                Ms(0.50), Ms(0.95), Ms(0.99), Ms(1.0), rssMb, all.Length == 0 ? 0 : cpu.TotalMilliseconds / all.Length,
                all.Length == 0 ? 0 : clientCpu.TotalMilliseconds / all.Length, _firstError);
        }
    }
}

internal sealed record ScenarioResult(string Name, string Caller, int Count, long Errors, double RequestsPerSecond, double P50, double P95, double P99,
    double Max, double RssMb, double CpuMsPerRequest, double ClientCpuMsPerRequest, string? FirstError);

/// <summary>A named request mix: Run sends the n-th request of the scenario from a worker and returns an error text or null.</summary>
/// <remarks>MaxConcurrency caps the workers for reports that take a large share of a core each: sixteen of them in
/// flight on two cores only measure the queue.</remarks>
internal sealed record Scenario(string Name, string Caller, Func<int, long, Task<string?>> Run, int? Pool = null, int? MaxConcurrency = null,
    Func<Task<string?>>? Prime = null);

/// <summary>The callers the scenarios use: a rep, their manager, an API key, and the team's reps for completing their own visits.</summary>
internal sealed class Session
{
    public required HttpClient Http { get; init; }
    /// <summary>The measured requests' client; null when the run measures with <see cref="Http"/> (<c>--client httpclient</c>).</summary>
    public LeanHttpClient? Lean { get; init; }
    public required DataSample Sample { get; init; }
    public required string ApiKey { get; init; }
    /// <summary>Access tokens live 15 minutes (TokenIssuer); a long run signs in again before they expire.</summary>
    public required Dictionary<string, string> TokensByEmail { get; init; }
    public required Func<string, Task<string>> SignIn { get; init; }
    private DateTime _signedInAt = DateTime.UtcNow;

    public string RepToken => TokensByEmail[Sample.RepEmail];
    public string ManagerToken => TokensByEmail[Sample.ManagerEmail];

    public async Task RenewIfOldAsync()
    {
        if (DateTime.UtcNow - _signedInAt < TimeSpan.FromMinutes(10)) return;
        foreach (var email in TokensByEmail.Keys.ToList()) TokensByEmail[email] = await SignIn(email);
        _signedInAt = DateTime.UtcNow;
    }
    /// <summary>For priming only: a client that waits up to ten minutes.</summary>
    public required HttpClient Patient { get; init; }

    public static async Task<Session> OpenAsync(HttpClient http, LeanHttpClient? lean, DataSample sample, TextWriter log)
    {
        var started = Stopwatch.StartNew();
        async Task<string> TokenAsync(string email)
        {
            using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email, password = Generate.DatasetGenerator.Password });
            await EnsureAsync(response, $"sign-in of {email}");
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        var admin = await TokenAsync(Generate.DatasetGenerator.AdminEmail);
        using var scopesRequest = new HttpRequestMessage(HttpMethod.Get, "api/v1/api-keys/scopes");
        scopesRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var scopesResponse = await http.SendAsync(scopesRequest);
        await EnsureAsync(scopesResponse, "listing API key scopes");
        var scopes = (await scopesResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(s => s.GetString()).ToArray();
        using var keyRequest = new HttpRequestMessage(HttpMethod.Post, "api/v1/api-keys")
        {
            Content = JsonContent.Create(new { name = $"bench {DateTime.UtcNow:O}", scopes }),
        };
        keyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var keyResponse = await http.SendAsync(keyRequest);
        await EnsureAsync(keyResponse, "creating the API key");
        var key = (await keyResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        var tokens = new Dictionary<string, string>();
        foreach (var email in sample.OpenVisits.Select(v => v.VisitorEmail).Concat(sample.Visitors.Select(v => v.Email)).Append(sample.RepEmail).Append(sample.ManagerEmail).Distinct())
            tokens[email] = await TokenAsync(email);
        log.WriteLine($"  signed in {tokens.Count + 1} users and created an API key in {started.Elapsed.TotalMilliseconds:0} ms");
        return new Session
        {
            Http = http, Lean = lean, Sample = sample, ApiKey = key, TokensByEmail = tokens, SignIn = TokenAsync,
            Patient = new HttpClient { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(10) },
        };
    }

    internal static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
