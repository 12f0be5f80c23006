using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

/// <summary>A diagnosis or problem, coded (e.g. SKS "DJ449" or SNOMED CT) with the text clinicians read.</summary>
public sealed class Condition
{
    public const string SksSystem = "urn:oid:1.2.208.176.2.4";
    public const string SnomedSystem = "http://snomed.info/sct";

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string CodeSystem { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateOnly Onset { get; private set; }

    private Condition() { }

    internal Condition(string codeSystem, string code, string text, DateOnly onset)
    {
        CodeSystem = Guard.Required(codeSystem, "Code system", 200);
        Code = Guard.Required(code, "Condition code", 50);
        Text = Guard.Required(text, "Condition text", 300);
        Onset = onset;
    }
}
