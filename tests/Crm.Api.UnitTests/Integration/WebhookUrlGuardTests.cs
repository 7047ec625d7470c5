using Crm.Api.Features.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Crm.Api.UnitTests.Integration;

/// <summary>The SSRF guard as production runs it: no loopback, https only.</summary>
public sealed class WebhookUrlGuardTests
{
    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Crm.Api";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static WebhookUrlGuard Guard(bool allowLoopback = false) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Crm:Webhooks:AllowLoopback"] = allowLoopback.ToString() }).Build(),
        new Production());

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.8.9.10/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://[::ffff:10.1.2.3]/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("http://93.184.216.34/hook")]
    public async Task Loopback_internal_and_plain_http_targets_are_refused(string url) =>
        Assert.NotNull(await Guard().RefuseAsync(url, CancellationToken.None));

    [Fact]
    public async Task A_public_https_address_is_allowed() =>
        Assert.Null(await Guard().RefuseAsync("https://93.184.216.34/hook", CancellationToken.None));

    [Fact]
    public async Task The_test_setting_allows_loopback_only()
    {
        Assert.Null(await Guard(allowLoopback: true).RefuseAsync("http://127.0.0.1:5000/hook", CancellationToken.None));
        Assert.NotNull(await Guard(allowLoopback: true).RefuseAsync("https://10.0.0.1/hook", CancellationToken.None));
    }
}
