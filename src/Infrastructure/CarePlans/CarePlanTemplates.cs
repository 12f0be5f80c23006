using System.Text.Json;
using System.Text.Json.Serialization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Infrastructure.CarePlans;

/// <summary>
/// The care plan templates, read once at start-up from the data files in the repository (<c>CarePlans/Templates/*.json</c>,
/// copied to the output). A file that does not parse, or whose content breaks a rule of the domain, stops start-up with a
/// message that names the file and the line.
/// </summary>
public sealed class CarePlanTemplates
{
    public const string DefaultFolder = "CarePlans/Templates";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private readonly Dictionary<string, CarePlanTemplate> _byId;

    public CarePlanTemplates(IEnumerable<CarePlanTemplate> templates) => _byId = templates.ToDictionary(t => t.Id, StringComparer.Ordinal);

    public IReadOnlyList<CarePlanTemplate> All => _byId.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList();

    public CarePlanTemplate? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads every <c>*.json</c> in the folder; throws <see cref="CarePlanTemplateException"/> naming the file (and line).</summary>
    public static CarePlanTemplates Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new CarePlanTemplateException($"The care plan template folder '{folder}' does not exist.");
        var templates = new List<CarePlanTemplate>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var template = Read(file);
            if (templates.Any(t => t.Id == template.Id))
                throw new CarePlanTemplateException($"Care plan template '{Path.GetFileName(file)}': the id '{template.Id}' is used by another template.");
            templates.Add(template);
        }
        return new CarePlanTemplates(templates);
    }

    public static CarePlanTemplate Read(string file)
    {
        var name = Path.GetFileName(file);
        CarePlanTemplateFile? content;
        try
        {
            content = JsonSerializer.Deserialize<CarePlanTemplateFile>(File.ReadAllBytes(file), Options);
        }
        catch (JsonException ex)
        {
            // System.Text.Json counts lines from 0; an editor from 1.
            var line = ex.LineNumber is { } l ? $" at line {l + 1}" : "";
            throw new CarePlanTemplateException($"Care plan template '{name}' does not parse{line}: {ex.Message}", ex);
        }
        if (content is null)
            throw new CarePlanTemplateException($"Care plan template '{name}' is empty.");
        try
        {
            return content.ToTemplate();
        }
        catch (DomainException ex)
        {
            throw new CarePlanTemplateException($"Care plan template '{name}' (id '{content.Id}') breaks a rule: {ex.Message}", ex);
        }
    }
}
