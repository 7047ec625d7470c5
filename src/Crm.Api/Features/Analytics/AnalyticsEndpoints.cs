using Crm.Api.Common.Auth;
using Crm.Api.Features.Tasks;
using MediatR;

namespace Crm.Api.Features.Analytics;

public static class AnalyticsEndpoints
{
    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Analytics");

        analytics.MapGet("/composition", async (string? by, DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http) =>
            {
                // by=level|category|region|owner|industry, in any case.
                if (!Enum.TryParse<CompositionDimension>(by ?? "level", ignoreCase: true, out var dimension) || !Enum.IsDefined(dimension))
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("by", "by is level, category, region, owner or industry.")]);
                return TypedResults.Ok(await mediator.Send(new CompositionQuery(dimension, from, to), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.Read("purchases"))
            .WithName("GetComposition").WithSummary("客户构成分析: sales by level, category, region, owner or industry with share, Pareto/ABC class and change against the previous period")
            .Produces<CompositionDto>().ProducesProblem(400);

        var targets = app.MapGroup("/api/v1/targets").WithTags("Targets");
        targets.MapGet("/", async (string? month, Guid? teamId, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new TargetBoardQuery(month, teamId), http.RequestAborted)))
            .RequireAuthorization(AccessPolicies.Read("purchases"))
            .WithName("GetTargetBoard").WithSummary("销售目标: a month's targets vs actuals per rep and team, split by week over working days, with recent months")
            .Produces<TargetBoardDto>().ProducesProblem(400);
        targets.MapPut("/", async (SetSalesTargetCommand body, IMediator mediator, HttpContext http) =>
            {
                await mediator.Send(body, http.RequestAborted);
                return TypedResults.Ok(await mediator.Send(new TargetBoardQuery(body.Month, body.TeamId), http.RequestAborted));
            })
            .RequireAuthorization(AccessPolicies.ManageOwners)
            .WithName("SetSalesTarget").WithSummary("Set a month's target for a rep or a team (managers for their team, admins for all)")
            .Produces<TargetBoardDto>().ProducesProblem(400);

        var holidays = app.MapGroup("/api/v1/settings/holidays").WithTags("Settings");
        holidays.MapGet("/", async (int? year, IMediator mediator, HttpContext http) => TypedResults.Ok(await mediator.Send(new ListHolidaysQuery(year), http.RequestAborted)))
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

        app.MapGet("/api/v1/reminders", async (DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new RemindersQuery(from, to), http.RequestAborted)))
            .WithTags("Reminders").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ListReminders").WithSummary("Care reminders: birthdays, important dates, festivals (lunar too), customers not contacted, complaints due, thanks due, visits due")
            .Produces<Crm.Api.Common.Page<ReminderDto>>().ProducesProblem(400);
    }
}
