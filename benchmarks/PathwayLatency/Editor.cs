using System.Diagnostics;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// The in-process editor: gp.larsen changing the person name of one of Jens' care team members through the app's
/// own <see cref="CareTeamService"/>, as the care team dialog does, with a fresh scope per edit.
/// </summary>
internal sealed class Editor(IServiceProvider services, Guid patientId, Actor actor, Guid memberId, string organisationName) : IEditor
{
    public string Kind => "service call";

    public Guid PatientId => patientId;

    /// <summary>The organisation of the member every edit changes (its row keeps its place whatever the person name).</summary>
    public string OrganisationName => organisationName;

    /// <summary>Finds Jens (the patient linked to the demo user "jens"), gp.larsen as an actor, and the member to edit.</summary>
    public static async Task<Editor> CreateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var jensUser = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "jens");
        var jens = await db.Patients.AsNoTracking().SingleAsync(p => p.UserId == jensUser.Id);
        var actor = await ActorAsync(db, Users.Editor);
        var member = FirstActiveMember(jens);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == member.OrganisationId).Select(o => o.Name).SingleAsync();
        return new Editor(services, jens.Id, actor, member.Id, organisation);
    }

    /// <summary>The actor for a demo user, built from the user row as the app's claims factory does.</summary>
    public static async Task<Actor> ActorAsync(CareDbContext db, string userName)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var organisationName = user.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.Name).SingleAsync()
            : null;
        return new Actor(user.Id, user.DisplayName, user.Role, user.OrganisationId, organisationName);
    }

    /// <summary>
    /// What one viewer's re-load costs on the server: <see cref="CareTeamService.GetAsync"/> as another user
    /// (queries plus the access-record write), timed <paramref name="count"/> times in a row with nothing else from
    /// this benchmark running. Every viewer pays this once per change, so it bounds how fast a fan-out can finish.
    /// </summary>
    public async Task<Stats> MeasureViewerReloadAsync(string userName, int count)
    {
        using var scope = services.CreateScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDbContext>>();
        Actor viewer;
        await using (var db = await dbFactory.CreateDbContextAsync())
            viewer = await ActorAsync(db, userName);
        var careTeam = scope.ServiceProvider.GetRequiredService<CareTeamService>();
        await careTeam.GetAsync(viewer, patientId);
        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await careTeam.GetAsync(viewer, patientId);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new Stats(samples);
    }

    public async Task<Commit?> EditAsync() => await ChangePersonNameAsync(services, actor, patientId, memberId, Markers.Next());

    /// <summary>
    /// Re-reads the member's current version, then sets its person name to <paramref name="marker"/>
    /// (the first active member when <paramref name="memberId"/> is null). Only the awaited service call is timed;
    /// the commit time is taken the moment it returns.
    /// </summary>
    public static async Task<Commit> ChangePersonNameAsync(IServiceProvider services, Actor actor, Guid patientId, Guid? memberId, string marker)
    {
        using var scope = services.CreateScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CareDbContext>>();
        CareWorkspace.Domain.Patients.CareTeamMembership member;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId);
            member = memberId is { } id ? patient.CareTeam.Single(m => m.Id == id) : FirstActiveMember(patient);
        }
        var careTeam = scope.ServiceProvider.GetRequiredService<CareTeamService>();
        var input = new CareTeamMemberInput(member.OrganisationId, member.Role, marker, member.Phone, member.From, member.To);

        var started = Stopwatch.GetTimestamp();
        await careTeam.ChangeMemberAsync(actor, patientId, member.Id, member.Version, input);
        var committed = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var serviceMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new Commit(marker, committed, serviceMs);
    }

    /// <summary>The first active member: its row stays in place (and visible to every viewer) whatever its person name.</summary>
    private static CareWorkspace.Domain.Patients.CareTeamMembership FirstActiveMember(CareWorkspace.Domain.Patients.Patient patient)
    {
        var today = CareWorkspace.Domain.Common.CopenhagenTime.Today(TimeProvider.System);
        return patient.CareTeam.First(m => m.IsActiveOn(today));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
