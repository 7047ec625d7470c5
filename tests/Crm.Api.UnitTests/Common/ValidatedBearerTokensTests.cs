using System.Security.Claims;
using Crm.Api.Common.Auth;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests.Common;

/// <summary>
/// A validated bearer token is kept by its exact text for at most a minute and never past the moment it stops being
/// accepted; each request gets a copy of its principal.
/// </summary>
public sealed class ValidatedBearerTokensTests
{
    private static ClaimsPrincipal Rep() => new(new ClaimsIdentity([new Claim(CrmClaims.Subject, Guid.NewGuid().ToString())], "Bearer"));

    [Fact]
    public void A_token_is_found_for_a_minute_and_then_must_be_validated_again()
    {
        var clock = new FakeTimeProvider();
        var tokens = new ValidatedBearerTokens(clock);
        tokens.Keep("header.payload.signature", Rep(), clock.GetUtcNow().UtcDateTime.AddMinutes(15));
        Assert.NotNull(tokens.Find("header.payload.signature"));
        Assert.Null(tokens.Find("header.payload.signaturf"));
        clock.Advance(ValidatedBearerTokens.KeptFor);
        Assert.Null(tokens.Find("header.payload.signature"));
    }

    [Fact]
    public void A_token_is_never_found_past_the_moment_it_stops_being_accepted()
    {
        var clock = new FakeTimeProvider();
        var tokens = new ValidatedBearerTokens(clock);
        tokens.Keep("t", Rep(), clock.GetUtcNow().UtcDateTime.AddSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.NotNull(tokens.Find("t"));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tokens.Find("t"));
    }

    [Fact]
    public void Each_find_gets_its_own_copy_of_the_principal()
    {
        var clock = new FakeTimeProvider();
        var tokens = new ValidatedBearerTokens(clock);
        tokens.Keep("t", Rep(), clock.GetUtcNow().UtcDateTime.AddMinutes(15));
        var first = tokens.Find("t")!;
        ((ClaimsIdentity)first.Identity!).AddClaim(new Claim(CrmClaims.Role, "Admin"));
        Assert.False(tokens.Find("t")!.HasClaim(c => c.Type == CrmClaims.Role));
    }
}
