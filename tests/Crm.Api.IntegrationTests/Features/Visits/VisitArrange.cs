using System.Net;
using System.Net.Http.Json;
using Crm.Api.Features.Visits;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Visits;

internal static class VisitArrange
{
    public static object Record(DateTime startUtc, string summary = "Discussed the spare-parts order and the Q1 plan.", object? extra = null) =>
        new Dictionary<string, object?>
        {
            ["actualStart"] = startUtc,
            ["actualEnd"] = startUtc.AddHours(1),
            ["summary"] = summary,
        }.Concat(extra?.GetType().GetProperties().Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(extra))) ?? [])
         .ToDictionary(kv => kv.Key, kv => kv.Value);

    public static async Task<VisitDto> LogAsync(HttpClient visitor, Guid customerId, string form, DateTime startUtc)
    {
        var response = await visitor.PostAsJsonAsync("/api/v1/visits/log", new { customerId, form, purposes = new[] { "GrowSales" }, record = Record(startUtc) }, CrmApp.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Logging a visit failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<VisitDto>(text, CrmApp.Json)!;
    }

    public static async Task<VisitDto> PlanAsync(HttpClient visitor, Guid customerId, DateTime startUtc, string form = "OnSite")
    {
        var response = await visitor.PostAsJsonAsync("/api/v1/visits", new { customerId, form, plannedStart = startUtc, plannedEnd = startUtc.AddHours(1), agenda = "Quarterly review" }, CrmApp.Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Planning a visit failed: {(int)response.StatusCode} {text}");
        return System.Text.Json.JsonSerializer.Deserialize<VisitDto>(text, CrmApp.Json)!;
    }
}
