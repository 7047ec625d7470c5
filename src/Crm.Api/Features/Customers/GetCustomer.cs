using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record GetCustomerQuery(Guid Id) : IRequest<CustomerDto>;

public sealed class GetCustomerHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<GetCustomerQuery, CustomerDto>
{
    // The most frequent read of all, so its statement is compiled once: EF Core then neither walks the projection's
    // large expression tree for parameters nor looks it up in its query cache on every call (docs/performance.md,
    // "Fifteenth round"). The projection is still the one ProjectTo builds from the mapping. EF Core compiles the
    // statement again for a context with another model (the other provider's), so one delegate serves both.
    private static Func<CrmDbContext, Guid, CancellationToken, Task<CustomerDto?>>? compiled;

    public async Task<CustomerDto> Handle(GetCustomerQuery request, CancellationToken cancellationToken) =>
        await (compiled ??= Compile(mapper.ConfigurationProvider))(db, request.Id, cancellationToken)
        ?? throw new NotFoundException("The customer");

    private static Func<CrmDbContext, Guid, CancellationToken, Task<CustomerDto?>> Compile(AutoMapper.IConfigurationProvider mapping)
    {
        // ProjectTo over an empty in-memory source gives Select(source, projection); the projection goes into the
        // statement below in place of its last parameter.
        var projected = (MethodCallExpression)Array.Empty<Customer>().AsQueryable().ProjectTo<CustomerDto>(mapping).Expression;
        if (projected.Method.Name != nameof(Queryable.Select) || projected.Arguments[0] is not ConstantExpression)
            throw new InvalidOperationException("The customer's projection is no longer a single Select; compile the statement another way.");
        Expression<Func<CrmDbContext, Guid, CancellationToken, Expression<Func<Customer, CustomerDto>>, CustomerDto?>> statement = (db, id, ct, projection) =>
            db.Customers.AsNoTracking().Where(c => c.Id == id).Select(projection)
                // One statement: the profile's two lists are at most 20 tags and 20 dates, so the joined rows stay few,
                // and each statement costs more to prepare and run than the rows it saves (the get-by-id profile in
                // docs/performance.md spent most of its query time on the second and third statement of a split query).
                .AsSingleQuery()
                .FirstOrDefault();
        var body = new ReplaceParameter(statement.Parameters[3], projected.Arguments[1]).Visit(statement.Body);
        return EF.CompileAsyncQuery(Expression.Lambda<Func<CrmDbContext, Guid, CancellationToken, CustomerDto?>>(body, statement.Parameters.Take(3)));
    }
}
