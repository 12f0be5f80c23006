using System.Globalization;
using System.Resources;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Components.Layout;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Resources;

/// <summary>
/// The domain's and the services' messages (<see cref="DomainException"/>, access refusals) in the reader's language.
/// The domain writes English templates with values and knows no resources; the English template is the key in
/// DomainText.resx / DomainText.da.resx, and the values are worded here (dates, roles, sections, field names).
/// </summary>
public static class DomainText
{
    /// <summary>What to tell the user about an explained failure (a broken rule, a refusal, a stale edit).</summary>
    public static string Explain(Exception ex) => ex switch
    {
        DomainException d => Format(d.Template, d.Arguments),
        PatientAccessDeniedException a => Format(a.Template, a.Arguments),
        PatientNotFoundException n => Format("No patient has the id {0}.", [n.PatientId]),
        StaleEditException { ChangedAt.Ticks: 0 } s => Format("{0} was changed by someone else after you opened it. Your change was not saved.", [s.Item]),
        StaleEditException s => Format("{0} was changed by {1} at {2} after you opened it. Your change was not saved.", [s.Item, s.ChangedBy, s.ChangedAt]),
        _ => ex.Message,
    };

    /// <summary>An English template with its values, in the reader's language; a missing translation shows the English.</summary>
    public static string Format(string template, IReadOnlyList<object?> arguments)
    {
        var text = Translate(template);
        if (arguments.Count == 0)
            return text;
        var values = arguments.Select(Word).ToArray();
        try
        {
            return string.Format(CultureInfo.CurrentCulture, text, values);
        }
        catch (FormatException)
        {
            return DomainException.English(template, arguments);
        }
    }

    /// <summary>
    /// A sentence that reached a screen already in English (e.g. a refusal handed on as text): its translation when it is
    /// one of the domain's sentences without values, otherwise the sentence as it is.
    /// </summary>
    public static string FromEnglish(string sentence) => Translate(sentence);

    private static object? Word(object? value) => value switch
    {
        string s => Translate(s),
        UserRole role => RoleLabels.For(role),
        PatientSection section => ConsentLabels.For(section),
        AppointmentStatus status => CalendarLabels.For(status),
        Domain.CarePlans.CarePlanStatus plan => Features.CarePlans.CarePlanLabels.For(plan),
        Domain.CarePlans.GoalAchievement achievement => Features.CarePlans.CarePlanLabels.For(achievement),
        Sector sector => PatientLabels.For(sector),
        DateOnly date => CareFormat.Date(date),
        DateTimeOffset instant => CareFormat.DateTime(instant),
        double number => CareFormat.Number(number, 1),
        decimal number => CareFormat.Number(number, 1),
        _ => value,
    };

    // Only the domain's own sentences and words are looked up: values such as names and file names are shown as they are,
    // and never reach the missing-text log.
    private static string Translate(string english) => Keys.Value.Contains(english) ? Text[english].Value : english;

    private static readonly Lazy<HashSet<string>> Keys = new(() =>
    {
        var resources = new ResourceManager(typeof(DomainText).FullName!, typeof(DomainText).Assembly);
        using var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true);
        return set is null ? [] : [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key)];
    });

    private static IStringLocalizer Text => StaticText.For(typeof(DomainText));
}
