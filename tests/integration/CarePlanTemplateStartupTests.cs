using CareWorkspace.Infrastructure.CarePlans;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests;

/// <summary>A care plan template file that does not parse stops the app at start-up, and the message names the file and the line.</summary>
public sealed class CarePlanTemplateStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cw-templates-").FullName;

    [Fact]
    public void A_template_file_that_does_not_parse_stops_start_up_naming_the_file_and_the_line()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, CarePlanTemplates.DefaultFolder);
        foreach (var file in Directory.GetFiles(shipped, "*.json"))
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        var lines = File.ReadAllLines(Path.Combine(shipped, "copd.json"));
        var version = Array.FindIndex(lines, l => l.TrimStart().StartsWith("\"version\"", StringComparison.Ordinal));
        lines[version] = lines[version].TrimEnd().TrimEnd(',');
        File.WriteAllLines(Path.Combine(_folder, "copd.json"), lines);
        using var app = new CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["CarePlans:TemplateFolder"] = _folder });

        var ex = Assert.ThrowsAny<Exception>(() => app.Services);

        var broken = Assert.IsType<CarePlanTemplateException>(Innermost(ex));
        Assert.StartsWith($"Care plan template 'copd.json' does not parse at line {version + 2}", broken.Message, StringComparison.Ordinal);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex is not CarePlanTemplateException && ex.InnerException is { } inner)
            ex = inner;
        return ex;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
