using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Sync;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Contract;

/// <summary>
/// The limits openapi.yaml declares come from the rules that enforce them (OpenApiLimits), and the ones declared by
/// convention (paging, If-Match, rate-limit header) are enforced where the contract says.
/// </summary>
public sealed class DeclaredLimitsTests(SqliteApp app) : ApiTest<SqliteApp>(app)
{
    private async Task<JsonElement> Document() =>
        JsonDocument.Parse(await App.NewClient().GetStringAsync("/openapi/v1.json")).RootElement;

    [Fact]
    public async Task Request_schemas_declare_the_limits_their_validators_check()
    {
        var schemas = (await Document()).GetProperty("components").GetProperty("schemas");
        var customer = schemas.GetProperty("CreateCustomerCommand");
        Assert.False(customer.GetProperty("additionalProperties").GetBoolean());
        var properties = customer.GetProperty("properties");
        Assert.Equal(Customer.NameMax, properties.GetProperty("name").GetProperty("maxLength").GetInt32());
        Assert.Equal(20, properties.GetProperty("tags").GetProperty("maxItems").GetInt32());
        Assert.Equal(50, properties.GetProperty("tags").GetProperty("items").GetProperty("maxLength").GetInt32());
        Assert.Equal("^[A-Za-z0-9][A-Za-z0-9-_]*$", properties.GetProperty("code").GetProperty("pattern").GetString());
        var score = schemas.GetProperty("AssessCustomerRequest").GetProperty("properties").GetProperty("scores").GetProperty("additionalProperties");
        Assert.Equal((0, 100), (score.GetProperty("minimum").GetInt32(), score.GetProperty("maximum").GetInt32()));
    }

    [Fact]
    public async Task Every_list_declares_its_paging_bounds()
    {
        foreach (var path in (await Document()).GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        foreach (var parameter in operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : default)
        {
            var schema = parameter.GetProperty("schema");
            // Delta sync pages up to its own maximum, which its validator checks.
            var maxLimit = operation.Value.GetProperty("operationId").GetString() == "SyncChanges" ? DeltaSync.MaxLimit : Paging.MaxLimit;
            if (parameter.GetProperty("name").GetString() == "limit")
                Assert.Equal((1, maxLimit), (schema.GetProperty("minimum").GetInt32(), schema.GetProperty("maximum").GetInt32()));
            if (parameter.GetProperty("name").GetString() == "cursor")
                Assert.Equal(Paging.MaxCursorLength, schema.GetProperty("maxLength").GetInt32());
        }
    }

    [Fact]
    public async Task A_cursor_longer_than_declared_is_a_400()
    {
        var admin = await As(Who.Admin);
        var problem = await Problem(await admin.GetAsync($"/api/v1/users?cursor={new string('A', Paging.MaxCursorLength + 1)}"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task An_if_match_longer_than_declared_can_never_match()
    {
        var rep = await As(Who.Rep1);
        var customer = await Read<JsonElement>(await rep.PostAsJsonAsync("/api/v1/customers", new { name = "If-Match length", kind = "Company" }, Json), HttpStatusCode.Created);
        var url = $"/api/v1/customers/{customer.GetProperty("id").GetGuid()}";
        var tooLong = "\"" + new string('1', Preconditions.MaxIfMatchLength) + "\"";
        await Problem(await rep.SendAsync(WithIfMatch(HttpMethod.Put, url, tooLong, new { name = "Renamed", code = customer.GetProperty("code").GetString(), kind = "Company" })), HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("/api/v1/settings/holidays?year=1900")]
    [InlineData("/api/v1/settings/holidays?year=10000")]
    [InlineData("/api/v1/analytics/composition?by=1")]
    [InlineData("/api/v1/analytics/composition?by=%20level")]
    public async Task Query_values_outside_the_declared_range_are_a_400(string url) =>
        await Problem(await (await As(Who.Admin)).GetAsync(url), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Every_response_says_the_rate_limit_the_contract_declares()
    {
        var anonymous = await App.NewClient().GetAsync("/api/v1/customers");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(anonymous.Headers.Contains("X-RateLimit-Limit"));
        var ok = await (await As(Who.Rep1)).GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(int.Parse(ok.Headers.GetValues("X-RateLimit-Limit").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }
}
