using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MudBlazor;
using MudBlazor.Services;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// The baseline: the smallest Blazor Server app that does what the pathway does for a viewer. One interactive page
/// (no prerendering, as the pathway) with a MudBlazor table of five rows; a server event (<see cref="BareRows.Set"/>)
/// changes a row and every open page re-renders. No database, no sign-in, no authorisation: what is left is the
/// framework's own cost per circuit and per change, measured with the same headless client on the same machine.
/// </summary>
internal sealed class BareApp : IAsyncDisposable
{
    public const string PagePath = "bare";
    public const string ReadyText = "bare-row";

    private readonly WebApplication app;
    private readonly string contentRoot;

    private BareApp(WebApplication app, string contentRoot, Uri baseAddress)
    {
        this.app = app;
        this.contentRoot = contentRoot;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public BareRows Rows => app.Services.GetRequiredService<BareRows>();

    /// <param name="forcedGc">Maps the same forced-GC endpoint as the app's opt-in diagnostics (the idle-memory mode).</param>
    public static async Task<BareApp> StartAsync(bool forcedGc = false)
    {
        // An empty content root: the app's own appsettings.json sits in this output folder and is not the bare app's.
        var contentRoot = Directory.CreateTempSubdirectory("careworkspace-bare-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<BareRows>();
        var app = builder.Build();
        app.UseAntiforgery();
        app.MapRazorComponents<BareDocument>().AddInteractiveServerRenderMode();
        if (forcedGc)
            app.MapPost("/diagnostics/forced-gc", () => Results.Ok(CollectAndMeasure()));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareApp(app, contentRoot, new UriBuilder(address) { Host = "127.0.0.1", Path = "/" }.Uri);
    }

    /// <summary>As src/Web/Diagnostics/ForcedGcDiagnostics.cs does for the app.</summary>
    private static ServerMemory CollectAndMeasure()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new ServerMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, process.PrivateMemorySize64, process.Id);
    }

    /// <summary>The <c>--serve-bare</c> side: start the bare app, say where it is, run until the parent closes stdin.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var bare = await StartAsync(forcedGc: true);
        Console.WriteLine($"{ServedApp.ReadyLine}{bare.BaseAddress} {Guid.Empty}");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // An empty temp folder left behind is harmless.
        }
    }
}

/// <summary>The rows every bare page shows; <see cref="Set"/> is the server event.</summary>
public sealed class BareRows
{
    private volatile string marker = "nothing yet";

    public event Action? Changed;

    public string Marker => marker;

    public void Set(string newMarker)
    {
        marker = newMarker;
        Changed?.Invoke();
    }
}

/// <summary>The edit of the bare app: a server event carrying the marker, timed from just before it is raised.</summary>
internal sealed class BareEditor(BareRows rows) : IEditor
{
    public string Kind => "server event";

    public Task<Commit?> EditAsync()
    {
        var marker = Markers.Next();
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var started = Stopwatch.GetTimestamp();
        rows.Set(marker);
        return Task.FromResult<Commit?>(new Commit(marker, at, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The page's route; the document below renders the same table whatever the route.</summary>
[Route("/" + BareApp.PagePath)]
public sealed class BarePage : ComponentBase;

/// <summary>The whole HTML document, with the table as the one interactive server component (not prerendered).</summary>
public sealed class BareDocument : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\" /><base href=\"/\" /><title>Bare</title></head><body>");
        builder.OpenComponent<BareTable>(1);
        builder.AddComponentRenderMode(new InteractiveServerRenderMode(prerender: false));
        builder.CloseComponent();
        builder.AddMarkupContent(2, "<script src=\"_framework/blazor.web.js\"></script></body></html>");
    }
}

/// <summary>A MudBlazor table of five rows; the first shows the latest marker.</summary>
public sealed class BareTable : ComponentBase, IDisposable
{
    [Inject]
    public BareRows Rows { get; set; } = null!;

    protected override void OnInitialized() => Rows.Changed += OnChanged;

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudText>(0);
        builder.AddComponentParameter(1, nameof(MudText.Typo), Typo.h6);
        builder.AddComponentParameter(2, nameof(MudText.ChildContent), (RenderFragment)(b => b.AddContent(0, "Care team")));
        builder.CloseComponent();
        builder.OpenComponent<MudSimpleTable>(3);
        builder.AddComponentParameter(4, nameof(MudSimpleTable.Dense), true);
        builder.AddComponentParameter(5, nameof(MudSimpleTable.ChildContent), (RenderFragment)(table =>
        {
            table.OpenElement(0, "tbody");
            for (var i = 0; i < 5; i++)
            {
                table.OpenElement(1, "tr");
                table.AddAttribute(2, "data-testid", ReadyTextRow);
                table.OpenElement(3, "td");
                table.AddContent(4, $"Row {i + 1}");
                table.CloseElement();
                table.OpenElement(5, "td");
                table.AddContent(6, i == 0 ? Rows.Marker : "unchanged");
                table.CloseElement();
                table.CloseElement();
            }
            table.CloseElement();
        }));
        builder.CloseComponent();
    }

    private const string ReadyTextRow = BareApp.ReadyText;

    public void Dispose() => Rows.Changed -= OnChanged;
}
