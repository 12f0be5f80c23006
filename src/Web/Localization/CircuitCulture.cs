using System.Globalization;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// The language of one circuit, captured on the circuit's own thread (create it in a component's field or
/// <c>OnInitialized</c>). Work that arrives from another thread — a live change published by another user, a session
/// ended elsewhere — carries the publisher's culture, so it puts the reader's back before it writes any text.
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public void Apply()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
