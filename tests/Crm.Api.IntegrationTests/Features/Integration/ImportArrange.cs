using System.Net;
using System.Text;
using Crm.Api.Domain;
using Crm.Api.Features.DataExchange;
using Crm.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Api.IntegrationTests.Features.Integration;

internal static class ImportArrange
{
    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>Queues a real import of <paramref name="kind"/>, runs the worker's pass and answers the finished job.</summary>
    public static async Task<ImportJobDto> RunAsync(CrmApp app, HttpClient client, string kind, string csv)
    {
        var queued = await client.PostAsync($"/api/v1/imports/{kind}?dryRun=false", Csv(csv));
        var text = await queued.Content.ReadAsStringAsync();
        Assert.True(queued.StatusCode == HttpStatusCode.Accepted, $"Queueing the import failed: {(int)queued.StatusCode} {text}");
        var job = System.Text.Json.JsonSerializer.Deserialize<ImportJobDto>(text, CrmApp.Json)!;
        Assert.Equal((kind, ImportStatus.Queued), (job.Kind, job.Status));
        Assert.Equal($"/api/v1/imports/{job.Id}", queued.Headers.Location?.ToString());
        Assert.True(await app.Services.GetRequiredService<ImportWorker>().RunNextAsync(CancellationToken.None));
        var finished = await client.GetAsync($"/api/v1/imports/{job.Id}");
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        return System.Text.Json.JsonSerializer.Deserialize<ImportJobDto>(await finished.Content.ReadAsStringAsync(), CrmApp.Json)!;
    }
}
