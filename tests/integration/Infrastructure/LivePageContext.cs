using System.Collections.Concurrent;
using System.Security.Claims;
using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Attachments;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor;
using MudBlazor.Services;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// Renders the app's real components (bunit) signed in as one actor, on the app's real notifier, presence store,
/// access guard and database; the components' services go through a <see cref="TestDatabase"/>.
/// </summary>
public sealed class LivePageContext : BunitContext
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <param name="accessRecords">Where the access records go; the app's own writer unless given.</param>
    public LivePageContext(CareAppFactory app, Actor actor, PathwaySectionRegistry? sections = null, AccessRecordWriter? accessRecords = null)
    {
        Database = new TestDatabase(app);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddCareLocalization();
        // The app's own feature services, as registered for the app; below, the machines they stand on are this test's.
        Services.AddFeatureServices(app.Services.GetRequiredService<IConfiguration>());
        Services.AddSingleton<IDbContextFactory<CareDbContext>>(Database);
        // The shared reads go through the test database too (so that it can hold or fail them), and hear of every change
        // the app's notifier delivers; the access records go through the app's own group-commit writer.
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var sharedReads = new SharedReads(Database, clock);
        _sharedReadsFollowChanges = ((PathwayNotifier)app.Services.GetRequiredService<IPathwayNotifier>()).BeforeDelivery(sharedReads.Changed);
        Services.AddSingleton(sharedReads);
        Services.AddSingleton(new PatientAccessGuard(clock, app.Services.GetRequiredService<ILogger<PatientAccessGuard>>(), sharedReads,
            accessRecords ?? app.Services.GetRequiredService<AccessRecordWriter>()));
        Services.AddSingleton(app.Services.GetRequiredService<IPathwayNotifier>());
        Services.AddSingleton(app.Services.GetRequiredService<PresenceTracker>());
        Services.AddSingleton(app.Services.GetRequiredService<AttachmentStore>());
        Services.AddSingleton(clock);
        if (sections is not null)
            Services.AddSingleton(sections);
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(actor, _signInHolds));
        Services.AddSingleton(app.Services.GetRequiredService<CareWorkspace.Infrastructure.Video.IVideoMeetingProvider>());
        Services.AddSingleton(app.Services.GetRequiredService<CareWorkspace.Infrastructure.NationalServices.Sync.PatientRefreshRequests>());
        // No layout here: a test renders MudBlazor's providers itself where it needs them (RenderProviders), so the
        // pathway's overlay gates open at once instead of waiting for the layout's OverlayProviders.
        var overlays = new CareWorkspace.Web.Components.Layout.OverlayDemand();
        overlays.ProvidersRendered();
        Services.AddSingleton(overlays);
    }

    public TestDatabase Database { get; }

    private readonly IDisposable _sharedReadsFollowChanges;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _sharedReadsFollowChanges.Dispose();
        base.Dispose(disposing);
    }

    private readonly ConcurrentQueue<TaskCompletionSource> _signInHolds = new();

    /// <summary>The next reading of who is signed in waits until the returned source is completed.</summary>
    public TaskCompletionSource HoldNextSignIn()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _signInHolds.Enqueue(hold);
        return hold;
    }

    /// <summary>Renders the providers that dialogs and snackbars appear in, as the layout does.</summary>
    public IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Snackbars = Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    /// <summary>Where snackbars show, once <see cref="RenderProviders"/> has run.</summary>
    public IRenderedComponent<MudSnackbarProvider>? Snackbars { get; private set; }

    private sealed class SignedIn(Actor actor, ConcurrentQueue<TaskCompletionSource> holds) : AuthenticationStateProvider
    {
        public override async Task<AuthenticationState> GetAuthenticationStateAsync()
        {
            if (holds.TryDequeue(out var hold))
                await hold.Task;
            var claims = new List<Claim>
            {
                new(ClaimTypes.NameIdentifier, actor.UserId),
                new(CareClaimTypes.Role, actor.Role.ToString()),
                new(CareClaimTypes.DisplayName, actor.DisplayName),
            };
            if (actor.OrganisationId is { } organisationId)
                claims.Add(new(CareClaimTypes.OrganisationId, organisationId.ToString()));
            if (actor.OrganisationName is { } organisationName)
                claims.Add(new(CareClaimTypes.OrganisationName, organisationName));
            return new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        }
    }
}
