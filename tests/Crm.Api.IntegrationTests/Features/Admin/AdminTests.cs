using System.Net;
using System.Net.Http.Json;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Teams;
using Crm.Api.Features.Users;
using Crm.Api.IntegrationTests.Infrastructure;

namespace Crm.Api.IntegrationTests.Features.Admin;

public abstract class AdminTests<TApp>(TApp app) : ApiTest<TApp>(app) where TApp : CrmApp
{
    private static string NewEmail() => $"a{Guid.NewGuid():N}"[..12] + "@test.crm";

    [Fact]
    public async Task An_admin_creates_a_user_with_a_role_and_team_who_can_then_sign_in()
    {
        var admin = await As(Who.Admin);
        var email = NewEmail();
        var user = await Read<UserDto>(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "新销售 New rep", role = "Rep", password = CrmApp.Password, teamId = App.TeamA }, Json), HttpStatusCode.Created);
        Assert.Equal(Role.Rep, user.Role);
        Assert.Equal(App.TeamA, user.TeamId);
        Assert.Equal(HttpStatusCode.OK, (await App.NewClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = CrmApp.Password }, Json)).StatusCode);
    }

    [Fact]
    public async Task Duplicate_emails_weak_passwords_and_unknown_teams_are_refused()
    {
        var admin = await As(Who.Admin);
        await Problem(await admin.PostAsJsonAsync("/api/v1/users", new { email = CrmApp.EmailOf(Who.Rep1), displayName = "Dup", role = "Rep", password = CrmApp.Password }, Json), HttpStatusCode.Conflict);
        var weak = await Problem(await admin.PostAsJsonAsync("/api/v1/users", new { email = NewEmail(), displayName = "Weak", role = "Rep", password = "short" }, Json), HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
        var team = await Problem(await admin.PostAsJsonAsync("/api/v1/users", new { email = NewEmail(), displayName = "Lost", role = "Rep", password = CrmApp.Password, teamId = Guid.NewGuid() }, Json), HttpStatusCode.BadRequest);
        Assert.True(team.GetProperty("errors").TryGetProperty("teamId", out _));
        await Problem(await admin.PostAsJsonAsync("/api/v1/users", new { email = NewEmail(), displayName = "Bad role", role = "Emperor", password = CrmApp.Password }, Json), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(Who.ManagerA)]
    [InlineData(Who.Rep1)]
    [InlineData(Who.Service)]
    [InlineData(Who.Analyst)]
    [InlineData(Who.WriteKey)]
    public async Task Only_admins_manage_users_teams_and_keys(Who who)
    {
        var client = await As(who);
        await Problem(await client.GetAsync("/api/v1/users"), HttpStatusCode.Forbidden);
        await Problem(await client.PostAsJsonAsync("/api/v1/teams", new { name = "Rogue team" }, Json), HttpStatusCode.Forbidden);
        await Problem(await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Rogue", scopes = new[] { "customers:read" } }, Json), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_users_next_request()
    {
        var admin = await As(Who.Admin);
        var email = NewEmail();
        var user = await Read<UserDto>(await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Promoted", role = "Analyst", password = CrmApp.Password }, Json), HttpStatusCode.Created);
        var client = App.NewClient();
        var tokens = await Read<System.Text.Json.JsonElement>(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = CrmApp.Password }, Json));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        await Problem(await client.PostAsJsonAsync("/api/v1/customers", new { name = "Not yet", kind = "Company" }, Json), HttpStatusCode.Forbidden);

        await Read<UserDto>(await admin.PostAsJsonAsync($"/api/v1/users/{user.Id}/role", new { role = "Rep" }, Json));

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/customers", new { name = "Now allowed", kind = "Company" }, Json)).StatusCode);
    }

    [Fact]
    public async Task Teams_have_a_manager_and_members_and_a_manager_sees_the_teams_customers()
    {
        var admin = await As(Who.Admin);
        var managerEmail = NewEmail();
        var manager = await Read<UserDto>(await admin.PostAsJsonAsync("/api/v1/users", new { email = managerEmail, displayName = "Team C manager", role = "Manager", password = CrmApp.Password }, Json), HttpStatusCode.Created);
        var rep = await Read<UserDto>(await admin.PostAsJsonAsync("/api/v1/users", new { email = NewEmail(), displayName = "Team C rep", role = "Rep", password = CrmApp.Password }, Json), HttpStatusCode.Created);

        var team = await Read<TeamDto>(await admin.PostAsJsonAsync("/api/v1/teams", new { name = $"Team C {Guid.NewGuid():N}"[..14], managerId = manager.Id }, Json), HttpStatusCode.Created);
        team = await Read<TeamDto>(await admin.PostAsJsonAsync($"/api/v1/teams/{team.Id}/members", new { userId = rep.Id }, Json));
        Assert.Equal(manager.Id, team.ManagerId);
        Assert.Contains(team.Members, m => m.Id == rep.Id);
        Assert.Contains(team.Members, m => m.Id == manager.Id);

        var customer = await Arrange.CreateAsync(admin, new { name = "Team C customer", kind = "Company", ownerId = rep.Id });
        var managerClient = App.NewClient();
        var tokens = await Read<System.Text.Json.JsonElement>(await managerClient.PostAsJsonAsync("/api/v1/auth/token", new { email = managerEmail, password = CrmApp.Password }, Json));
        managerClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await managerClient.GetAsync($"/api/v1/customers/{customer.Id}")).StatusCode);

        await Problem(await admin.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/teams/{team.Id}/members/{rep.Id}", "\"1\"")), HttpStatusCode.PreconditionFailed);
        var after = await Read<TeamDto>(await admin.SendAsync(WithIfMatch(HttpMethod.Delete, $"/api/v1/teams/{team.Id}/members/{rep.Id}", $"\"{team.Version}\"")));
        Assert.DoesNotContain(after.Members, m => m.Id == rep.Id);
        await Problem(await managerClient.GetAsync($"/api/v1/customers/{customer.Id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_team_manager_must_have_the_manager_role()
    {
        var admin = await As(Who.Admin);
        var problem = await Problem(await admin.PostAsJsonAsync("/api/v1/teams", new { name = "Bad team", managerId = App.UserIds[Who.Rep1] }, Json), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("managerId", out _));
        var teams = await Read<Page<TeamDto>>(await admin.GetAsync("/api/v1/teams"));
        Assert.DoesNotContain(teams.Items, t => t.Name == "Bad team");
    }

    [Fact]
    public async Task Admins_cannot_lock_themselves_out()
    {
        var admin = await As(Who.Admin);
        await Problem(await admin.PostAsync($"/api/v1/users/{App.UserIds[Who.Admin]}/disable", null), HttpStatusCode.Conflict);
        await Problem(await admin.PostAsJsonAsync($"/api/v1/users/{App.UserIds[Who.Admin]}/role", new { role = "Rep" }, Json), HttpStatusCode.Conflict);
    }
}

public sealed class AdminTestsOnSqlite(SqliteApp app) : AdminTests<SqliteApp>(app);

public sealed class AdminTestsOnSqlServer(SqlServerApp app) : AdminTests<SqlServerApp>(app);
