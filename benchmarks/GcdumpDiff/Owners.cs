using System.Text.RegularExpressions;

namespace CareWorkspace.GcdumpDiff;

/// <summary>Which objects count as owners when the tool groups memory by who holds it.</summary>
internal static class Owners
{
    public static IReadOnlyList<Regex> Defaults { get; } =
    [
        Pattern(@"^CareWorkspace\."),
        Pattern(@"^MudBlazor\."),
        // Blazor gives each circuit's JS runtime its own serializer options; their type metadata is per circuit.
        Pattern(@"^System\.Text\.Json\.JsonSerializerOptions$"),
        // A component's render tree and parameters hang off its state, not off the component.
        Pattern(@"^Microsoft\.AspNetCore\.Components\.(Rendering\.ComponentState|Web\.RemoteComponentState|Server\.Circuits\.RemoteComponentState)$"),
        Pattern(@"^Microsoft\.AspNetCore\.Components\.Server\.Circuits\.(CircuitHost|RemoteRenderer|RemoteJSRuntime)$"),
        Pattern(@"^Microsoft\.AspNetCore\.SignalR\.HubConnectionContext$"),
        Pattern(@"^Microsoft\.Extensions\.DependencyInjection\.ServiceLookup\.ServiceProviderEngineScope$"),
    ];

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant);
}
