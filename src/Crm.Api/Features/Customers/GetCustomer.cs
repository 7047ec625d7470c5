using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Api.Common;
using Crm.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Features.Customers;

public sealed record GetCustomerQuery(Guid Id) : IRequest<CustomerDto>;

public sealed class GetCustomerHandler(CrmDbContext db, IMapper mapper) : IRequestHandler<GetCustomerQuery, CustomerDto>
{
    public async Task<CustomerDto> Handle(GetCustomerQuery request, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Where(c => c.Id == request.Id)
            .ProjectTo<CustomerDto>(mapper.ConfigurationProvider)
            // One statement: the profile's two lists are at most 20 tags and 20 dates, so the joined rows stay few,
            // and each statement costs more to prepare and run than the rows it saves (the get-by-id profile in
            // docs/performance.md spent most of its query time on the second and third statement of a split query).
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("The customer");
}
