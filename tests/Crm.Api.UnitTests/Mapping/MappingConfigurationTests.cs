using AutoMapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Api.UnitTests.Mapping;

public class MappingConfigurationTests
{
    [Fact]
    public void Every_entity_to_dto_map_is_complete()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddMaps(typeof(Program).Assembly), NullLoggerFactory.Instance);
        configuration.AssertConfigurationIsValid();
    }
}
