using AutoMapper;
using AutoMapper.QueryableExtensions;
using BenchmarkDotNet.Attributes;
using Crm.Api.Common;
using Crm.Api.Domain;
using Crm.Api.Features.Customers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Benchmarks.Micro;

/// <summary>Per-request helpers on every read and write: DTO mapping, ETags and If-Match, list cursors.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private IMapper _mapper = null!;
    private Customer _customer = null!;
    private IQueryable<Customer> _queryable = null!;
    private DefaultHttpContext _http = null!;
    private string _cursor = "";
    private readonly Guid _id = Guid.CreateVersion7();
    private readonly long _version = 1234;

    [GlobalSetup]
    public void Setup()
    {
        _mapper = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddAutoMapper(_ => { }, typeof(CustomerMappings).Assembly).BuildServiceProvider().GetRequiredService<IMapper>();
        _customer = new Customer(Guid.CreateVersion7())
        {
            Name = "上海恒信机电有限公司", Code = "C-000123", Kind = CustomerKind.Company, EnterpriseType = EnterpriseType.Private, Industry = "Manufacturing",
            Region = "华东 East", Level = CustomerLevel.A, Phone = "021-55550011", Email = "c123@163.com", Address = "88 号, 上海",
            Tags = [new CustomerTag { Tag = "vip-dinner" }],
            Contacts = [new Contact { Name = "王伟", IsPrimary = true }],
        };
        _customer.RefreshListOrder();
        _queryable = new[] { _customer }.AsQueryable();
        _http = new DefaultHttpContext();
        _http.Request.Headers.IfMatch = "\"42\"";
        _cursor = Cursor.Encode(_customer.ListOrder, _id);
    }

    [Benchmark(Description = "AutoMapper Map<CustomerDto>")]
    public CustomerDto MapCustomer() => _mapper.Map<CustomerDto>(_customer);

    [Benchmark(Description = "AutoMapper Map<CustomerSummaryDto>")]
    public CustomerSummaryDto MapSummary() => _mapper.Map<CustomerSummaryDto>(_customer);

    [Benchmark(Description = "ProjectTo<CustomerSummaryDto> expression")]
    public System.Linq.Expressions.Expression ProjectSummary() => _queryable.ProjectTo<CustomerSummaryDto>(_mapper.ConfigurationProvider).Expression;

    [Benchmark(Description = "ETagOf(version)")]
    public string ETag() => Preconditions.ETagOf(_version);

    [Benchmark(Description = "RequiredVersion(If-Match)")]
    public long IfMatch() => Preconditions.RequiredVersion(_http);

    [Benchmark(Description = "Cursor.Encode(name, id)")]
    public string EncodeCursor() => Cursor.Encode(_customer.ListOrder, _id);

    [Benchmark(Description = "Cursor.Decode<string>")]
    public Guid DecodeCursor() => Cursor.Decode<string>(_cursor).Id;
}
