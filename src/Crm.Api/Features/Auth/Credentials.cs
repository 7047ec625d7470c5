using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Crm.Api.Features.Auth;

/// <summary>
/// Checks an e-mail and password for both the SPA login and the mobile token endpoint. Five wrong passwords
/// lock the account for 15 minutes (Identity lockout); a disabled account never signs in.
/// </summary>
public sealed class Credentials(UserManager<User> users, SignInManager<User> signIn, TimeProvider clock, CrmDbContext db)
{
    public async Task<User> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await AuditAsync(AuditAction.SignInFailed, null, $"unknown e-mail {email}");
            throw new UnauthorizedException("The e-mail or password is incorrect.");
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await AuditAsync(AuditAction.SignInFailed, user.Id, "locked out");
            var until = user.LockoutEnd ?? clock.GetUtcNow() + AuthRegistration.LockoutDuration;
            throw new TooManyRequestsException("Too many failed sign-ins: the account is locked for a while.", until - clock.GetUtcNow());
        }
        if (!result.Succeeded)
        {
            await AuditAsync(AuditAction.SignInFailed, user.Id, "wrong password");
            throw new UnauthorizedException("The e-mail or password is incorrect.");
        }
        if (user.IsDisabled)
        {
            await AuditAsync(AuditAction.SignInFailed, user.Id, "disabled account");
            throw new UnauthorizedException("This account is disabled.");
        }
        await AuditAsync(AuditAction.SignIn, user.Id, null);
        return user;
    }

    /// <summary>Sign-ins are audited at once: a failed attempt leaves no transaction behind to carry the line.</summary>
    private async Task AuditAsync(AuditAction action, Guid? userId, string? detail)
    {
        db.AuditEntries.Add(AuditTrail.Event(db, action, nameof(User), userId, userId, clock.GetUtcNow().UtcDateTime, detail));
        await db.SaveChangesAsync();
    }
}
