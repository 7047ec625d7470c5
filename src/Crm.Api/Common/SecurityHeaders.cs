namespace Crm.Api.Common;

/// <summary>
/// Response headers that close common holes: no MIME sniffing, no framing, no referrer leaks, no caching of personal
/// data from the API, and a Content-Security-Policy for the SPA that allows no inline script.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Ant Design writes its styles at run time (CSS-in-JS), so styles may be inline; scripts may not.
    public const string SpaPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api"))
                headers.CacheControl = "no-store";
            else if (!path.StartsWithSegments("/swagger"))
                headers.ContentSecurityPolicy = SpaPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
