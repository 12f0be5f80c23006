using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Administration;

public sealed record UserRow(string Id, string UserName, string DisplayName, UserRole Role, string? Organisation, bool LockedOut);

public sealed record OrganisationRow(Guid Id, string Name, string Sor, Sector Sector, string? Parent);

public sealed record NewUser(string UserName, string DisplayName, UserRole Role, Guid? OrganisationId, string Password);

/// <summary>Users and organisations. Only administrators, and no clinical data here.</summary>
public sealed class AdministrationService(
    IDbContextFactory<CareDbContext> dbFactory,
    UserManager<CareUser> userManager,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListUsersAsync(Actor actor, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var orgs = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        return users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Role,
            u.OrganisationId is { } o && orgs.TryGetValue(o, out var n) ? n : null,
            u.LockoutEnd is { } end && end > now)).ToList();
    }

    public async Task<IReadOnlyList<OrganisationRow>> ListOrganisationsAsync(Actor actor, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var names = all.ToDictionary(o => o.Id, o => o.Name);
        return all.OrderBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Sor.Value, o.Sector, o.ParentId is { } p ? names.GetValueOrDefault(p) : null))
            .ToList();
    }

    public async Task<OrganisationRow> CreateOrganisationAsync(Actor actor, string name, string sor, Sector sector, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        var organisation = new Organisation(name, SorCode.Parse(sor), sector);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.AnyAsync(o => o.Sor == organisation.Sor, ct))
            throw new DomainException($"An organisation with SOR code {organisation.Sor} already exists.");
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return new OrganisationRow(organisation.Id, organisation.Name, organisation.Sor.Value, organisation.Sector, null);
    }

    public async Task CreateUserAsync(Actor actor, NewUser input, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        var needsOrganisation = input.Role is not (UserRole.Relative or UserRole.Patient or UserRole.Administrator);
        if (needsOrganisation && input.OrganisationId is null)
            throw new DomainException("Health professionals must belong to an organisation.");
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            throw new DomainException("Display name is required.");
        var user = new CareUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Role = input.Role,
            OrganisationId = needsOrganisation ? input.OrganisationId : null,
            LockoutEnabled = true,
        };
        var result = await userManager.CreateAsync(user, input.Password);
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public async Task UnlockAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        var user = await userManager.FindByIdAsync(userId) ?? throw new DomainException("That user no longer exists.");
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
    }

    private static void DemandAdministrator(Actor actor)
    {
        if (actor.Role != UserRole.Administrator)
            throw new PatientAccessDeniedException("Only administrators manage users and organisations.");
    }
}
