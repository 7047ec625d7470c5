namespace Crm.Api.Common.Auth;

/// <summary>Claim types and schemes shared by the three ways in: SPA cookie, mobile bearer token, integration API key.</summary>
public static class CrmClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "name";
    public const string Source = "src";
    public const string Session = "sid";
    public const string Scope = "scope";

    public const string SourceSpa = "spa";
    public const string SourceMobile = "mobile";
    public const string SourceApiKey = "api-key";

    public const string CookieScheme = "Cookies";
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";
    public const string SelectorScheme = "Crm";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";
}
