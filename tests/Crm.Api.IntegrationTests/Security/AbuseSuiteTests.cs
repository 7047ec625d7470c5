using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crm.Api.Common.Auth;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Security;

/// <summary>Who may call an operation, as declared in access-matrix.json.</summary>
public sealed record AccessRule(bool Anonymous, string[] Roles, string Key, bool EndsSession, JsonObject? Sample);

/// <summary>
/// access-matrix.json: for every operation in openapi.yaml, the roles that pass its authorization, the API-key scope
/// that does ("none" when no key may, "any" when every key may), whether it is anonymous, and for record-scoped writes
/// a body that passes validation. The suite fails when the contract and the matrix disagree in either direction.
/// </summary>
public static class AccessMatrix
{
    public static readonly string[] Roles = ["Admin", "Manager", "Rep", "Service", "Analyst"];
    public static string FilePath => Path.Combine(Contract.OpenApiContractTests.RepositoryRoot(), "tests", "Crm.Api.IntegrationTests", "Security", "access-matrix.json");

    private static readonly Lazy<IReadOnlyDictionary<string, AccessRule>> Loaded = new(() =>
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        return root["operations"]!.AsObject().ToDictionary(o => o.Key, o => new AccessRule(
            o.Value!["anonymous"]?.GetValue<bool>() ?? false,
            o.Value["roles"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? [],
            o.Value["key"]?.GetValue<string>() ?? "none",
            o.Value["endsSession"]?.GetValue<bool>() ?? false,
            o.Value["sample"]?.AsObject()));
    });

    public static IReadOnlyDictionary<string, AccessRule> Rules => Loaded.Value;

    public static Who UserOf(string role) => role switch
    {
        "Admin" => Who.Admin, "Manager" => Who.ManagerA, "Rep" => Who.Rep1, "Service" => Who.Service, "Analyst" => Who.Analyst,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>
/// Generated from openapi.yaml, so that a new endpoint cannot escape it: for every operation, anonymous callers, each
/// role and API-key scopes against the declared matrix; cookie sessions without the antiforgery header; another rep's
/// record ids; unknown JSON members and over-long strings. A 5xx anywhere fails the suite.
/// </summary>
public abstract class AbuseSuiteTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private const string Date = "2026-01-01";
    private static readonly string[] ScopedResources = ["customers", "contacts", "purchases", "visits", "complaints", "referrals", "tasks"];
    // Admin-only or shared reference data; import jobs are their creator's (GetImportJobHandler), which this suite does not probe.
    private static readonly string[] UnscopedResources = ["users", "teams", "members", "api-keys", "standard-answers", "holidays", "webhooks", "deliveries", "imports"];

    private static AccessRule RuleOf(ApiOperation operation) => AccessMatrix.Rules.TryGetValue(operation.Id, out var rule)
        ? rule
        : throw new Xunit.Sdk.XunitException($"{operation} is not in access-matrix.json: add it (Each_caller_gets_exactly_the_access_the_matrix_declares prints what it observed).");

    public static TheoryData<string> Operations() => [.. OpenApiOperations.All.Select(o => o.Id)];
    public static TheoryData<string> UnsafeOperations() => [.. OpenApiOperations.All.Where(o => o.IsUnsafe && !o.Anonymous).Select(o => o.Id)];
    public static TheoryData<string> BodyOperations() => [.. OpenApiOperations.All.Where(o => o.Body is not null).Select(o => o.Id)];
    public static TheoryData<string> ScopedOperations() =>
        [.. OpenApiOperations.All.Where(o => o.Parameters.Any(p => ScopedResources.Contains(o.ResourceOf(p)))).Select(o => o.Id)];

    [Fact]
    public void The_access_matrix_declares_exactly_the_operations_of_the_contract()
    {
        var contract = OpenApiOperations.All.Select(o => o.Id).ToHashSet();
        var declared = AccessMatrix.Rules.Keys.ToHashSet();
        Assert.True(contract.Count > 100, $"only {contract.Count} operations read from openapi.yaml");
        Assert.True(contract.SetEquals(declared),
            $"Operations missing from {AccessMatrix.FilePath}: {string.Join(", ", contract.Except(declared))}. "
            + $"Entries for operations that no longer exist: {string.Join(", ", declared.Except(contract))}.");
        foreach (var operation in OpenApiOperations.All)
            Assert.True(AccessMatrix.Rules[operation.Id].Anonymous == operation.Anonymous, $"{operation}: the contract and the matrix disagree on anonymous access");
    }

    [Fact]
    public void Every_api_route_is_in_the_contract_so_the_suite_sees_it()
    {
        var contract = OpenApiOperations.All.Select(o => o.Id).ToHashSet();
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(routes);
        var hidden = routes.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } name || !contract.Contains(name))
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(hidden.Count == 0, "API routes that openapi.yaml does not describe: " + string.Join(", ", hidden));
    }

    [Fact]
    public void Every_path_parameter_names_a_resource_whose_scoping_is_known()
    {
        var unknown = OpenApiOperations.All.SelectMany(o => o.Parameters.Select(p => (o, p, Resource: o.ResourceOf(p))))
            .Where(x => !ScopedResources.Contains(x.Resource) && !UnscopedResources.Contains(x.Resource)).Select(x => $"{x.o}: {x.p}").ToList();
        Assert.True(unknown.Count == 0, "Say in AbuseSuiteTests whether these ids are record-scoped: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_caller_gets_exactly_the_access_the_matrix_declares(string operationId)
    {
        var operation = OpenApiOperations.Get(operationId);
        var state = State.Of(App);
        var url = operation.Url(p => p == "date" ? Date : Guid.NewGuid().ToString());
        var failures = new List<string>();

        var anonymous = await Send(App.NewClient(), operation, url);
        if (anonymous >= 500) failures.Add($"anonymous: {anonymous}");
        var anonymousAllowed = anonymous is not (401 or 403);

        var roles = new List<string>();
        foreach (var role in AccessMatrix.Roles)
        {
            var status = await Send(await Client(role, AccessMatrix.Rules.GetValueOrDefault(operationId)?.EndsSession == true), operation, url);
            if (status >= 500) failures.Add($"{role}: {status}");
            if (status is not (401 or 403)) roles.Add(role);
            else if (status == 401) failures.Add($"{role}: 401 for a signed-in user");
        }
        var key = await ObservedKey(state, operation, url, failures);

        var observed = new JsonObject();
        if (anonymousAllowed) observed["anonymous"] = true;
        else
        {
            observed["roles"] = new JsonArray(roles.Select(r => (JsonNode?)r).ToArray());
            observed["key"] = key;
        }
        if (!AccessMatrix.Rules.TryGetValue(operationId, out var rule))
        {
            Assert.Fail($"{operation} is not in access-matrix.json. Observed: \"{operationId}\": {observed.ToJsonString()}");
            return;
        }
        if (rule.Anonymous != anonymousAllowed) failures.Add($"anonymous {(anonymousAllowed ? "allowed" : "refused")} but declared {(rule.Anonymous ? "allowed" : "refused")}");
        if (!rule.Anonymous)
        {
            if (anonymous != 401) failures.Add($"anonymous: {anonymous}, not 401");
            if (!roles.SequenceEqual(AccessMatrix.Roles.Where(rule.Roles.Contains))) failures.Add($"roles allowed [{string.Join(", ", roles)}], declared [{string.Join(", ", rule.Roles)}]");
            if (key != rule.Key) failures.Add($"API keys: observed {key}, declared {rule.Key}");
        }
        Assert.True(failures.Count == 0, $"{operation}: {string.Join("; ", failures)}. Observed: {observed.ToJsonString()}");
    }

    /// <summary>Which API-key scope the operation accepts: "none", "any" or the one scope (read implies write).</summary>
    private async Task<string> ObservedKey(State state, ApiOperation operation, string url, List<string> failures)
    {
        async Task<bool> Allows(params string[] scopes)
        {
            var status = await Send(await state.Key(this, scopes), operation, url);
            if (status >= 500) failures.Add($"key [{string.Join(",", scopes)}]: {status}");
            return status is not (401 or 403);
        }
        if (!await Allows([.. AccessPolicies.AllScopes])) return "none";
        var single = new List<string>();
        foreach (var scope in AccessPolicies.AllScopes)
            if (await Allows(scope)) single.Add(scope);
        if (single.Count == AccessPolicies.AllScopes.Count()) return "any";
        var read = single.FirstOrDefault(s => s.EndsWith(":read", StringComparison.Ordinal));
        var observed = read ?? single.FirstOrDefault() ?? "none (only a combination of scopes)";
        // The one scope is enough, and without it (and what implies it) every other scope together is not.
        var granting = read is null ? [observed] : new[] { read, read.Replace(":read", ":write", StringComparison.Ordinal) };
        if (single.Count > 0 && await Allows([.. AccessPolicies.AllScopes.Except(granting)]))
            failures.Add($"every scope but {string.Join("/", granting)} is still allowed");
        return observed;
    }

    [Theory]
    [MemberData(nameof(UnsafeOperations))]
    public async Task Cookie_sessions_need_the_antiforgery_header_for_every_unsafe_operation(string operationId)
    {
        var operation = OpenApiOperations.Get(operationId);
        var session = await State.Of(App).CookieSession(this);
        var request = Request(operation, operation.Url(p => p == "date" ? Date : Guid.NewGuid().ToString()), null);
        var problem = await Problem(await session.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Antiforgery token missing", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(ScopedOperations))]
    public async Task Another_reps_record_ids_answer_404_exactly_like_ids_that_do_not_exist(string operationId)
    {
        var operation = OpenApiOperations.Get(operationId);
        var rule = RuleOf(operation);
        var records = await State.Of(App).Records(this);
        var url = operation.Url(p => records.IdFor(operation.ResourceOf(p)));
        var strangers = new List<Who>();
        if (rule.Roles.Contains("Rep")) strangers.AddRange([Who.Rep2, Who.Rep3]);
        if (rule.Roles.Contains("Manager")) strangers.Add(Who.ManagerB);
        if (strangers.Count == 0) return; // only roles that see every record may call it; nothing to scope

        foreach (var stranger in strangers)
        {
            var request = Request(operation, url, rule.Sample);
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var response = await (await As(stranger)).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound,
                $"{operation} as {stranger} with Rep1's ids: {(int)response.StatusCode} {text}"
                + (response.StatusCode == HttpStatusCode.BadRequest && rule.Sample is null ? " (declare a \"sample\" body that passes validation in access-matrix.json)" : ""));
        }
        await records.AssertUnchanged(await As(Who.Admin));
    }

    /// <summary>Body members that name a record, and the kind of record they name.</summary>
    private static readonly Dictionary<string, string> BodyIds = new()
    {
        ["customerId"] = "customers", ["duplicateId"] = "customers", ["referrerId"] = "customers", ["contactId"] = "contacts",
        ["purchaseId"] = "purchases", ["visitId"] = "visits", ["complaintId"] = "complaints", ["referralId"] = "referrals", ["taskId"] = "tasks",
    };

    /// <summary>Writes with a record id in the body and, in the path, at most the customer they act on.</summary>
    public static TheoryData<string> BodyIdOperations() =>
    [
        .. OpenApiOperations.All.Where(o => o.Body?["properties"]?.AsObject().Any(p => BodyIds.ContainsKey(p.Key)) == true
            && o.Parameters.All(p => !ScopedResources.Contains(o.ResourceOf(p)) || o.ResourceOf(p) == "customers")).Select(o => o.Id),
    ];

    [Theory]
    [MemberData(nameof(BodyIdOperations))]
    public async Task Ids_of_another_reps_records_in_a_body_are_not_found(string operationId)
    {
        var operation = OpenApiOperations.Get(operationId);
        var rule = RuleOf(operation);
        var records = await State.Of(App).Records(this);
        var strangers = new List<Who>();
        if (rule.Roles.Contains("Rep")) strangers.Add(Who.Rep2);
        if (rule.Roles.Contains("Manager")) strangers.Add(Who.ManagerB);
        foreach (var stranger in strangers)
        {
            // The path names the stranger's own customer, so only the id in the body is out of scope.
            var own = await State.Of(App).OwnCustomer(this, stranger);
            var url = operation.Url(p => operation.ResourceOf(p) == "customers" ? own : Guid.NewGuid().ToString());
            foreach (var member in operation.Body!["properties"]!.AsObject().Select(p => p.Key).Where(BodyIds.ContainsKey))
            {
                async Task<(int Status, string Text)> With(string id)
                {
                    var body = (JsonObject)(rule.Sample?.DeepClone() ?? new JsonObject());
                    body[member] = id;
                    var request = Request(operation, url, body);
                    request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                    var response = await (await As(stranger)).SendAsync(request);
                    return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
                }
                var theirs = await With(records.IdFor(BodyIds[member]));
                var nobodys = await With(Guid.NewGuid().ToString());
                Assert.True(theirs.Status is >= 400 and < 500, $"{operation} as {stranger} with Rep1's {member}: {theirs.Status} {theirs.Text}");
                Assert.True(theirs.Status == nobodys.Status && Title(theirs.Text) == Title(nobodys.Text),
                    $"{operation} as {stranger}: Rep1's {member} answers {theirs.Status} {theirs.Text}, an unknown one {nobodys.Status} {nobodys.Text}");
            }
        }
        await records.AssertUnchanged(await As(Who.Admin));
    }

    private static string? Title(string problem) => JsonNode.Parse(problem)?["title"]?.GetValue<string>();

    [Theory]
    [MemberData(nameof(BodyOperations))]
    public async Task Unknown_json_members_are_refused(string operationId)
    {
        var operation = OpenApiOperations.Get(operationId);
        var client = await Caller(operation);
        var request = Request(operation, operation.Url(p => p == "date" ? Date : Guid.NewGuid().ToString()), new JsonObject { ["unexpectedMember"] = 1 });
        var problem = await Problem(await client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Contains("unexpectedMember", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Crm.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal); // no server type names
    }

    [Theory]
    [MemberData(nameof(BodyOperations))]
    public async Task Over_long_strings_are_refused(string operationId)
    {
        var operation = OpenApiOperations.Get(operationId);
        var client = await Caller(operation);
        var url = operation.Url(p => p == "date" ? Date : Guid.NewGuid().ToString());
        var failures = new List<string>();
        foreach (var (path, freeText) in OpenApiOperations.Strings(operation.Body!))
        {
            var body = OpenApiOperations.BodyWith(path, JsonValue.Create(new string('x', 100_000)));
            var request = Request(operation, url, body.AsObject());
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\""); // so that a PUT reaches validation instead of stopping at 428
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest) { failures.Add($"{path}: {(int)response.StatusCode}"); continue; }
            if (!freeText) continue;
            var errors = JsonNode.Parse(text)?["errors"]?.AsObject().Select(e => System.Text.RegularExpressions.Regex.Replace(e.Key, @"\[\d+\]", "")).ToList() ?? [];
            var wanted = path.Replace("[]", "", StringComparison.Ordinal);
            if (!errors.Any(e => string.Equals(e, wanted, StringComparison.OrdinalIgnoreCase) || e.EndsWith("." + wanted, StringComparison.OrdinalIgnoreCase)))
                failures.Add($"{path}: 400 without an error for it ({text[..Math.Min(text.Length, 300)]})");
        }
        Assert.True(failures.Count == 0, $"{operation}: " + string.Join("; ", failures));
    }

    /// <summary>A caller the operation lets through: anonymous for anonymous operations, else the first allowed role or key.</summary>
    private async Task<HttpClient> Caller(ApiOperation operation)
    {
        var rule = RuleOf(operation);
        if (rule.Anonymous) return App.NewClient();
        if (rule.Roles.Length > 0) return await Client(rule.Roles.Contains("Admin") ? "Admin" : rule.Roles[0], rule.EndsSession);
        return await State.Of(App).Key(this, rule.Key == "any" ? [AccessPolicies.AllScopes.First()] : [rule.Key]);
    }

    private async Task<HttpClient> Client(string role, bool throwaway)
    {
        if (!throwaway) return await As(AccessMatrix.UserOf(role));
        var client = App.NewClient();
        var token = await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CrmApp.EmailOf(AccessMatrix.UserOf(role)), password = CrmApp.Password }, Json));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static HttpRequestMessage Request(ApiOperation operation, string url, JsonObject? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        if (operation.Body is not null)
            request.Content = new StringContent((body ?? []).ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    private static async Task<int> Send(HttpClient client, ApiOperation operation, string url) =>
        (int)(await client.SendAsync(Request(operation, url, null))).StatusCode;

    /// <summary>What the suite builds once per app: API keys by scope set, a cookie session, and Rep1's records.</summary>
    private sealed class State
    {
        private static readonly ConditionalWeakTable<CrmApp, State> PerApp = [];
        private readonly ConcurrentDictionary<string, HttpClient> _keys = new();
        private readonly SemaphoreSlim _lock = new(1, 1);
        private HttpClient? _cookieSession;
        private Rep1Records? _records;

        public static State Of(CrmApp app) => PerApp.GetValue(app, _ => new State());

        public async Task<HttpClient> Key(AbuseSuiteTests<TApp> test, params string[] scopes)
        {
            var name = string.Join(",", scopes.Order());
            if (_keys.TryGetValue(name, out var cached)) return cached;
            var created = await Read<JsonElement>(await (await test.As(Who.Admin)).PostAsJsonAsync("/api/v1/api-keys", new { name = "abuse " + name[..Math.Min(name.Length, 60)], scopes }, Json), HttpStatusCode.Created);
            var client = test.App.NewClient();
            client.DefaultRequestHeaders.Add(CrmClaims.ApiKeyHeader, created.GetProperty("key").GetString());
            return _keys.GetOrAdd(name, client);
        }

        private readonly ConcurrentDictionary<Who, string> _ownCustomers = new();

        /// <summary>A customer of <paramref name="who"/>'s own, made once.</summary>
        public async Task<string> OwnCustomer(AbuseSuiteTests<TApp> test, Who who)
        {
            if (_ownCustomers.TryGetValue(who, out var id)) return id;
            var owner = who == Who.ManagerB ? Who.Rep3 : who; // a manager's own scope is their team's customers
            var customer = await Arrange.OwnedByAsync(test.App, owner, $"{owner}'s probe customer");
            return _ownCustomers.GetOrAdd(who, customer.Id.ToString());
        }

        public async Task<HttpClient> CookieSession(AbuseSuiteTests<TApp> test)
        {
            await _lock.WaitAsync();
            try
            {
                if (_cookieSession is not null) return _cookieSession;
                var client = test.App.NewClient();
                await Read<JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = CrmApp.EmailOf(Who.Admin), password = CrmApp.Password }, Json));
                return _cookieSession = client;
            }
            finally
            {
                _lock.Release();
            }
        }

        public async Task<Rep1Records> Records(AbuseSuiteTests<TApp> test)
        {
            await _lock.WaitAsync();
            try
            {
                return _records ??= await Rep1Records.CreateAsync(test);
            }
            finally
            {
                _lock.Release();
            }
        }
    }

    /// <summary>One record of each record-scoped kind, all Rep1's, and their ETags when made.</summary>
    private sealed class Rep1Records
    {
        private readonly Dictionary<string, string> _ids = [];
        private readonly Dictionary<string, string> _urls = [];
        private readonly Dictionary<string, string?> _etags = [];

        public string IdFor(string resource) => _ids.TryGetValue(resource, out var id) ? id : throw new ArgumentOutOfRangeException(nameof(resource), resource);

        public static async Task<Rep1Records> CreateAsync(AbuseSuiteTests<TApp> test)
        {
            var records = new Rep1Records();
            var rep = await test.As(Who.Rep1);
            var now = test.App.Clock.GetUtcNow().UtcDateTime;
            var customer = await Arrange.OwnedByAsync(test.App, Who.Rep1, "Rep1's probe customer");
            var c = $"/api/v1/customers/{customer.Id}";
            async Task Add(string resource, HttpResponseMessage created, Func<string, string> url)
            {
                var body = await Read<JsonElement>(created, HttpStatusCode.Created);
                var id = body.GetProperty("id").GetString()!;
                records._ids[resource] = id;
                records._urls[resource] = url(id);
            }
            records._ids["customers"] = customer.Id.ToString();
            records._urls["customers"] = c;
            await Add("contacts", await rep.PostAsJsonAsync(c + "/contacts", new { name = "探针联系人" }, Json), id => $"{c}/contacts/{id}");
            await Add("purchases", await rep.PostAsJsonAsync(c + "/purchases", new { purchasedOn = "2026-11-01", product = "P", category = "C", quantity = 1, unitPrice = 100 }, Json), id => $"/api/v1/purchases/{id}");
            await Add("visits", await rep.PostAsJsonAsync("/api/v1/visits", new { customerId = customer.Id, form = "Phone", plannedStart = now.AddDays(1), plannedEnd = now.AddDays(1).AddHours(1) }, Json), id => $"/api/v1/visits/{id}");
            await Add("complaints", await rep.PostAsJsonAsync("/api/v1/complaints", new { customerId = customer.Id, channel = "Phone", category = "Price", severity = "Low", description = "Probe" }, Json), id => $"/api/v1/complaints/{id}");
            await Add("referrals", await rep.PostAsJsonAsync("/api/v1/referrals", new { referrerId = customer.Id, newProspect = new { name = "Probe lead", kind = "Company" }, channel = "Phone" }, Json), id => $"/api/v1/referrals/{id}");
            await Add("tasks", await rep.PostAsJsonAsync("/api/v1/tasks", new { title = "Probe task", dueDate = "2026-11-20", customerId = customer.Id }, Json), id => $"/api/v1/tasks/{id}");
            var admin = await test.As(Who.Admin);
            foreach (var (resource, url) in records._urls) records._etags[resource] = (await admin.GetAsync(url)).Headers.ETag?.Tag;
            return records;
        }

        public async Task AssertUnchanged(HttpClient admin)
        {
            foreach (var (resource, url) in _urls)
            {
                var response = await admin.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"Rep1's {resource} is gone: {(int)response.StatusCode}");
                Assert.True(response.Headers.ETag?.Tag == _etags[resource], $"Rep1's {resource} was changed by someone outside its scope");
            }
        }
    }
}

public sealed class AbuseSuiteTestsOnSqlite(SqliteApp app) : AbuseSuiteTests<SqliteApp>(app);

public sealed class AbuseSuiteTestsOnSqlServer(SqlServerApp app) : AbuseSuiteTests<SqlServerApp>(app);
