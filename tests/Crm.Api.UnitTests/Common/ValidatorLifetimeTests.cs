using Crm.Api.Common;
using Crm.Api.Features.Purchases;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Api.UnitTests.Common;

/// <summary>Validators are built once per app (their rules cost more to build than to run), and "now" inside them still moves.</summary>
public sealed class ValidatorLifetimeTests
{
    [Fact]
    public void One_validator_serves_every_request_and_reads_the_clock_when_it_validates()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 2, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddCrmMediator(typeof(MediatorRegistration).Assembly);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        IValidator<RecordPurchaseCommand> InRequest()
        {
            using var scope = provider.CreateScope();
            return scope.ServiceProvider.GetRequiredService<IValidator<RecordPurchaseCommand>>();
        }
        var first = InRequest();
        Assert.Same(first, InRequest());

        var dayAfterTomorrow = new RecordPurchaseCommand(Guid.NewGuid(), new PurchaseInput
        {
            PurchasedOn = new DateOnly(2026, 11, 20), Product = "茶叶 Tea", Category = "Food", Quantity = 1, UnitPrice = 10,
        });
        Assert.False(first.Validate(dayAfterTomorrow).IsValid);
        clock.Advance(TimeSpan.FromDays(2));
        Assert.True(first.Validate(dayAfterTomorrow).IsValid);
    }

    [Fact]
    public void No_validator_needs_a_per_request_service()
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddCrmMediator(typeof(MediatorRegistration).Assembly);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var validators = services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>)).ToList();

        Assert.NotEmpty(validators);
        // A validator that took the database context (scoped) would throw here instead of being built once.
        Assert.All(validators, d => Assert.NotNull(provider.GetRequiredService(d.ServiceType)));
    }
}
