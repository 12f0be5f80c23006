using CareWorkspace.Infrastructure.NationalServices;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>Every incoming resource is read in the Firely SDK's strict mode, against real national examples.</summary>
public sealed class StrictFhirParserTests
{
    [Fact]
    public void Every_national_example_but_the_one_with_an_R5_element_parses_strictly()
    {
        var refused = NationalExamples.All()
            .Where(f => !StrictFhirParser.TryParse(NationalExamples.Read(f), out _, out _))
            .ToList();

        Assert.True(NationalExamples.All().Count() > 400);
        Assert.Equal([NationalExamples.WithR5Element], refused);
    }

    [Fact]
    public void The_R5_element_is_refused_with_a_reason_that_names_it()
    {
        var parsed = StrictFhirParser.TryParse(NationalExamples.Read(NationalExamples.WithR5Element), out var resource, out var reason);

        Assert.False(parsed);
        Assert.Null(resource);
        Assert.StartsWith("Not valid FHIR R4:", reason, StringComparison.Ordinal);
        Assert.Contains("reason", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"resourceType":"NoSuchThing","id":"x"}""")]
    [InlineData("""{"resourceType":"Patient","birthDate":"not a date"}""")]
    public void Broken_input_is_refused_not_half_read(string json)
    {
        Assert.False(StrictFhirParser.TryParse(json, out var resource, out var reason));
        Assert.Null(resource);
        Assert.NotEmpty(reason);
    }
}
