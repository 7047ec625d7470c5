using System.Net;
using System.Net.Sockets;

namespace Crm.Api.Features.Webhooks;

/// <summary>
/// SSRF guard: a webhook may only reach the public internet. URLs whose host is or resolves to a loopback, private,
/// link-local (cloud metadata included), carrier-grade NAT, multicast or unspecified address are refused when the
/// subscription is saved and again at connect time (DNS can change between the two). https only, outside Development.
/// <c>Crm:Webhooks:AllowLoopback</c> lets tests and local development use a receiver on 127.0.0.1 (over http too).
/// </summary>
public sealed class WebhookUrlGuard(IConfiguration config, IHostEnvironment environment)
{
    private bool AllowLoopback => config.GetValue("Crm:Webhooks:AllowLoopback", false);

    /// <summary>The reason the URL is refused, or null when it may be used.</summary>
    public async Task<string?> RefuseAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "The URL must be an absolute http(s) URL.";
        if (uri.Scheme == "http" && !environment.IsDevelopment() && !AllowLoopback)
            return "Webhook URLs must use https.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "Credentials in the URL are not allowed; use the signing secret.";
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"The host {uri.Host} cannot be resolved.";
        }
        if (addresses.Length == 0) return $"The host {uri.Host} cannot be resolved.";
        var blocked = addresses.FirstOrDefault(a => !IsAllowed(a));
        return blocked is null ? null : $"The host {uri.Host} resolves to {blocked}, an internal address webhooks may not reach.";
    }

    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return AllowLoopback;
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)                      // link-local, including 169.254.169.254 cloud metadata
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)        // carrier-grade NAT (and Alibaba's 100.100.100.200 metadata)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)           // IETF protocol assignments
                || b[0] >= 224);                                     // multicast and reserved
        }
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }

    /// <summary>Connects only to an allowed address, so a DNS answer that changed after validation cannot redirect a delivery.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.FirstOrDefault(IsAllowed) ?? throw new HttpRequestException($"Refused to connect to {host}: it resolves to an internal address.");
        var socket = new Socket(allowed.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(allowed, context.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
