using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Features.Analytics;
using Crm.Api.Features.ApiKeys;
using Crm.Api.Features.Audit;
using Crm.Api.Features.Auth;
using Crm.Api.Features.Complaints;
using Crm.Api.Features.Contacts;
using Crm.Api.Features.Customers;
using Crm.Api.Features.DataExchange;
using Crm.Api.Features.Health;
using Crm.Api.Features.Housekeeping;
using Crm.Api.Features.Loyalty;
using Crm.Api.Features.Purchases;
using Crm.Api.Features.Referrals;
using Crm.Api.Features.Tasks;
using Crm.Api.Features.Teams;
using Crm.Api.Features.Users;
using Crm.Api.Features.Sync;
using Crm.Api.Features.Visits;
using Crm.Api.Features.Webhooks;
using Crm.Api.Persistence;

// The SQLite database lives under the content root (data/crm.db), and reloading appsettings.json on change watched the
// whole content root through inotify: every write to the database woke the watcher (about 3% of an import's CPU).
// Polling checks only the settings files, every few seconds, and settings still reload without a restart.
if (Environment.GetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER") is null)
    Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

var builder = WebApplication.CreateBuilder(args);
if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);

builder.Services
    .AddCrmHttp(builder.Configuration)
    .AddCrmDatabase(builder.Configuration)
    .AddCrmAuth(builder.Environment)
    .AddCrmMediator(typeof(Program).Assembly)
    .AddAutoMapper(cfg => cfg.LicenseKey = builder.Configuration["AutoMapper:LicenseKey"], typeof(Program).Assembly)
    .AddCrmRateLimits(builder.Configuration)
    .AddCrmHealth()
    .AddScoped<Credentials>()
    .AddSingleton<OrganisationCalendar>()
    .AddSingleton<Crm.Api.Features.Analytics.RfmQuintiles>()
    .AddCrmWebhooks()
    .AddCrmDataExchange()
    .AddCrmHousekeeping();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCrmPipeline();

app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapUserEndpoints();
app.MapTeamEndpoints();
app.MapApiKeyEndpoints();
app.MapCustomerEndpoints();
app.MapContactEndpoints();
app.MapPurchaseEndpoints();
app.MapVisitEndpoints();
app.MapComplaintEndpoints();
app.MapReferralEndpoints();
app.MapLoyaltyEndpoints();
app.MapTaskEndpoints();
app.MapAnalyticsEndpoints();
app.MapAuditEndpoints();
app.MapSyncEndpoints();
app.MapWebhookEndpoints();
app.MapDataExchangeEndpoints();

app.Run();

public partial class Program;
