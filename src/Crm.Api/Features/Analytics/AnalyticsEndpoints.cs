using System.ComponentModel.DataAnnotations;
using Crm.Api.Common;
using Crm.Api.Common.Auth;
using Crm.Api.Features.Tasks;
using MediatR;

namespace Crm.Api.Features.Analytics;

public static class AnalyticsEndpoints
{
    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Analytics");

        analytics.MapGet("/composition", async ([MaxLength(CompositionDimensions.MaxLength)] string? by, DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http) =>
            {
                // by=level|category|region|owner|industry, in any case; only those names (so never longer than the longest).
                if (CompositionDimensions.Parse(by ?? "level") is not { } dimension)
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("by", "by is level, category, region, owner or industry.")]);
                return TypedResults.Ok(await mediator.Send(new CompositionQuery(dimension, from, to), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.Read("purchases"))
            .WithName("GetComposition").WithSummary("客户构成分析: sales by level, category, region, owner or industry with share, Pareto/ABC class and change against the previous period")
            .Produces<CompositionDto>().ProducesProblem(400);

        var targets = app.MapGroup("/api/v1/targets").WithTags("Targets");
        targets.MapGet("/", async ([OpenApiLimits.ValidatedBy(typeof(TargetBoardQuery))] string? month, Guid? teamId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new TargetBoardQuery(month, teamId), http.RequestAborted)))
            .RequireAuthorization(AccessPolicies.Read("purchases"))
            .WithName("GetTargetBoard").WithSummary("销售目标: a month's targets vs actuals per rep and team, split by week over working days, with recent months")
            .Produces<TargetBoardDto>().ProducesProblem(400);
        targets.MapPost("/", async (SetSalesTargetCommand body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(body, http.RequestAborted);
                return TypedResults.Ok(await mediator.Send(new TargetBoardQuery(body.Month, body.TeamId), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.ManageOwners)
            .WithName("SetSalesTarget").WithSummary("Set a month's target for a rep or a team (managers for their team, admins for all)")
            .Produces<TargetBoardDto>().ProducesProblem(400);

        var holidays = app.MapGroup("/api/v1/settings/holidays").WithTags("Settings");
        holidays.MapGet("/", async ([OpenApiLimits.ValidatedBy(typeof(ListHolidaysQuery))] int? year, IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new ListHolidaysQuery(year), http.RequestAborted)))
            .RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ListHolidays").WithSummary("Holidays and make-up working days of a year (for working-day splits)")
            .Produces<Crm.Api.Common.Page<HolidayDto>>();
        holidays.MapPost("/", async (SetHolidayCommand body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(body, http.RequestAborted);
                return TypedResults.Ok(await mediator.Send(new ListHolidaysQuery(body.Date.Year), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName("SetHoliday").WithSummary("Add or change a holiday or a make-up working day (Admin)")
            .Produces<Crm.Api.Common.Page<HolidayDto>>().ProducesProblem(400);
        holidays.MapPost("/{date}/remove", async (DateOnly date, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(new DeleteHolidayCommand(date), http.RequestAborted);
                return TypedResults.Ok(await mediator.Send(new ListHolidaysQuery(date.Year), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.Admin)
            .WithName("RemoveHoliday").WithSummary("Remove a holiday (Admin)")
            .Produces<Crm.Api.Common.Page<HolidayDto>>().ProducesProblem(404);

        app.MapGet("/api/v1/customers/{customerId:guid}/assessments", async (Guid customerId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new ListAssessmentsQuery(customerId), http.RequestAborted)))
            .WithTags("Assessments").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ListAssessments").WithSummary("客户关系评估: a customer's assessments, newest first, with each indicator's weight and score")
            .Produces<Crm.Api.Common.Page<AssessmentDto>>().ProducesProblem(404);
        app.MapPost("/api/v1/customers/{customerId:guid}/assessments", async (Guid customerId, AssessCustomerRequest body, IMediator mediator, HttpContext http) =>
            {
                var id = await mediator.Send(new AssessCustomerCommand(customerId, body), http.RequestAborted);
                return TypedResults.Created($"/api/v1/assessments/{id}", await mediator.Send(new GetAssessmentQuery(id), http.RequestAborted));
            })
            .WithTags("Assessments").RequireAuthorization(AccessPolicies.Write("customers"))
            .WithName("AssessCustomer").WithSummary("Score the current scorecard (0–100 per indicator): weighted total, grade, suggested recommendation (override needs a reason)")
            .Produces<AssessmentDto>(201).ProducesProblem(400).ProducesProblem(404);
        app.MapGet("/api/v1/assessments/due", async ([OpenApiLimits.ValidatedBy(typeof(AssessmentsDueQuery))] int? months, int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new AssessmentsDueQuery(months, limit, cursor), http.RequestAborted)))
            .WithTags("Assessments").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ListAssessmentsDue").WithSummary("Active customers not assessed for N months (default 6)")
            .Produces<Crm.Api.Common.Page<AssessmentDueDto>>().ProducesProblem(400);
        app.MapGet("/api/v1/settings/scorecard-template", async (IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new GetScorecardTemplateQuery(), http.RequestAborted)))
            .WithTags("Settings").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("GetScorecardTemplate").WithSummary("The current relationship scorecard: indicators and weights (sum 100)")
            .Produces<ScorecardTemplateDto>();
        app.MapPost("/api/v1/settings/scorecard-template", async (UpdateScorecardTemplateCommand body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(body, http.RequestAborted);
                return TypedResults.Ok(await mediator.Send(new GetScorecardTemplateQuery(), http.RequestAborted));
            })
            .WithTags("Settings").RequireAuthorization(AccessPolicies.Admin)
            .WithName("UpdateScorecardTemplate").WithSummary("Publish a new version of the scorecard (Admin); weights must sum to 100")
            .Produces<ScorecardTemplateDto>().ProducesProblem(400);

        app.MapGet("/api/v1/customers/{customerId:guid}/loyalty", async (Guid customerId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new CustomerLoyaltyQuery(customerId), http.RequestAborted)))
            .WithTags("Loyalty").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("GetCustomerLoyalty").WithSummary("客户忠诚度: repeat purchase, RFM, cadence and lapse risk, tenure, referrals, complaints, visits, price sensitivity, stage and index with their inputs")
            .Produces<CustomerLoyaltyDto>().ProducesProblem(404);

        analytics.MapGet("/loyalty", async (IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new LoyaltyPortfolioQuery(), http.RequestAborted)))
            .RequireAuthorization(AccessPolicies.Read("purchases")).WithName("GetLoyaltyPortfolio")
            .WithSummary("Portfolio loyalty: customers by stage, tier and RFM segment (with the R/F/M cells and quintile cut points), repeat-purchase rate by month, win-back count")
            .Produces<LoyaltyPortfolioDto>();

        analytics.MapGet("/win-back", async (int? limit, string? cursor, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new WinBackQuery(limit, cursor), http.RequestAborted)))
            .RequireAuthorization(AccessPolicies.Read("purchases")).WithName("ListWinBackCustomers")
            .WithSummary("The win-back list: repeat buyers whose days since the last purchase exceed the win-back factor times their cadence, most valuable first")
            .Produces<Crm.Api.Common.Page<WinBackCustomerDto>>().ProducesProblem(400);

        app.MapGet("/api/v1/dashboard", async (IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new DashboardQuery(), http.RequestAborted)))
            .WithTags("Dashboard").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("GetDashboard").WithSummary("The home page in one call: target vs actual, visit compliance, complaints by SLA, referral funnel, tier mix, my tasks, today's reminders")
            .Produces<DashboardDto>();

        app.MapGet("/api/v1/reminders", async (DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new RemindersQuery(from, to), http.RequestAborted)))
            .WithTags("Reminders").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ListReminders").WithSummary("Care reminders: birthdays, important dates, festivals (lunar too), customers not contacted, complaints due, thanks due, visits due")
            .Produces<Crm.Api.Common.Page<ReminderDto>>().ProducesProblem(400);
    }
}
