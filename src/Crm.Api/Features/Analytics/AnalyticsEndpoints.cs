using Crm.Api.Common.Auth;
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

        app.MapGet("/api/v1/reminders", async (DateOnly? from, DateOnly? to, IMediator mediator, HttpContext http) =>
                TypedResults.Ok(await mediator.Send(new RemindersQuery(from, to), http.RequestAborted)))
            .WithTags("Reminders").RequireAuthorization(AccessPolicies.Read("customers"))
            .WithName("ListReminders").WithSummary("Care reminders: birthdays, important dates, festivals (lunar too), customers not contacted, complaints due, thanks due, visits due")
            .Produces<Crm.Api.Common.Page<ReminderDto>>().ProducesProblem(400);
    }
}
