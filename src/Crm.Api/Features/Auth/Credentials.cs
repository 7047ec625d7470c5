using Crm.Api.Common;
using Crm.Api.Domain;
using Microsoft.AspNetCore.Identity;

namespace Crm.Api.Features.Auth;

/// <summary>
/// Checks an e-mail and password for both the SPA login and the mobile token endpoint. Five wrong passwords
/// lock the account for 15 minutes (Identity lockout); a disabled account never signs in.
/// </summary>
public sealed class Credentials(UserManager<User> users, SignInManager<User> signIn, TimeProvider clock)
{
    public async Task<User> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null) throw new UnauthorizedException("The e-mail or password is incorrect.");
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var until = user.LockoutEnd ?? clock.GetUtcNow().AddMinutes(15);
            throw new TooManyRequestsException("Too many failed sign-ins: the account is locked for a while.", until - clock.GetUtcNow());
        }
        if (!result.Succeeded) throw new UnauthorizedException("The e-mail or password is incorrect.");
        if (user.IsDisabled) throw new UnauthorizedException("This account is disabled.");
        return user;
    }
}
