using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Administration;

public sealed record UserRow(string Id, string UserName, string DisplayName, UserRole Role, Guid? OrganisationId, string? Organisation,
    bool LockedOut, bool Deactivated, bool MustChangePassword);

public sealed record OrganisationRow(Guid Id, string Name, string Sor, Sector Sector, string? Parent);

public sealed record NewUser(string UserName, string DisplayName, UserRole Role, Guid? OrganisationId, string Password);

public sealed record AdministrationLogRow(DateTimeOffset At, string Administrator, AdministrationAction Action, string TargetUserName, bool Refused, string Details);

/// <summary>
/// Users and organisations. Only administrators, and no clinical data here. Every change to an account is written to
/// the administration log in the same save, ends the account's open sessions when it changes what the account may
/// do, and (except unlocking and reactivating) makes the person choose their own password at the next sign-in.
/// </summary>
public sealed class AdministrationService(
    IDbContextFactory<CareDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    SessionRevocations revocations,
    TimeProvider clock,
    ILogger<AdministrationService> logger)
{
    public const int LogPageSize = 500;

    public async Task<IReadOnlyList<UserRow>> ListUsersAsync(Actor actor, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var orgs = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        return users.Select(u => new UserRow(u.Id, u.UserName ?? "", u.DisplayName, u.Role, u.OrganisationId,
            u.OrganisationId is { } o && orgs.TryGetValue(o, out var n) ? n : null,
            u.LockoutEnd is { } end && end > now, u.Deactivated, u.MustChangePassword)).ToList();
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

    /// <summary>The newest entries of the administration log.</summary>
    public async Task<IReadOnlyList<AdministrationLogRow>> ListLogAsync(Actor actor, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AdministrationLog.AsNoTracking().OrderByDescending(e => e.Id).Take(LogPageSize).ToListAsync(ct);
        return entries.Select(e => new AdministrationLogRow(e.At, e.AdministratorName, e.Action, e.TargetUserName, e.Refused, e.Details)).ToList();
    }

    public async Task<OrganisationRow> CreateOrganisationAsync(Actor actor, string name, string sor, Sector sector, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        var organisation = new Organisation(name, SorCode.Parse(sor), sector);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Organisations.AnyAsync(o => o.Sor == organisation.Sor, ct))
            throw new DomainException("An organisation with SOR code {0} already exists.", organisation.Sor.Value);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return new OrganisationRow(organisation.Id, organisation.Name, organisation.Sor.Value, organisation.Sector, null);
    }

    /// <summary>Creates an account whose password only works once: the person must choose their own at the first sign-in.</summary>
    public async Task<string> CreateUserAsync(Actor actor, NewUser input, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        var organisationId = await CheckRoleAndOrganisationAsync(input.Role, input.OrganisationId, ct);
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            throw new DomainException("Display name is required.");
        await using var scope = scopeFactory.CreateAsyncScope();
        var (users, db) = Services(scope);
        var user = new CareUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            Role = input.Role,
            OrganisationId = organisationId,
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        db.AdministrationLog.Add(Entry(actor, AdministrationAction.Created, user,
            $"Created with role {input.Role}, organisation {await OrganisationNameAsync(organisationId, ct)}; must choose a password at first sign-in."));
        Check(await users.CreateAsync(user, input.Password));
        logger.LogInformation("Administrator {AdminId} created user {UserId}", actor.UserId, user.Id);
        return user.Id;
    }

    /// <summary>Gives an account another role and/or organisation. Administrators cannot change their own.</summary>
    public async Task ChangeRoleAndOrganisationAsync(Actor actor, string userId, UserRole role, Guid? organisationId, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var scope = scopeFactory.CreateAsyncScope();
        var (users, db) = Services(scope);
        var user = await FindAsync(users, userId);
        var action = user.Role != role ? AdministrationAction.RoleChanged : AdministrationAction.OrganisationChanged;
        if (user.Id == actor.UserId)
        {
            await RefuseAsync(db, actor, action, user, "Administrators cannot change their own role or organisation: another administrator must do it.", ct);
            return;
        }
        var newOrganisation = await CheckRoleAndOrganisationAsync(role, organisationId, ct);
        if (user.Role == role && user.OrganisationId == newOrganisation)
            throw new DomainException("Nothing to change: the account already has this role and organisation.");
        var details = new List<string>();
        if (user.Role != role)
            details.Add($"Role {user.Role} → {role}.");
        if (user.OrganisationId != newOrganisation)
            details.Add($"Organisation {await OrganisationNameAsync(user.OrganisationId, ct)} → {await OrganisationNameAsync(newOrganisation, ct)}.");
        details.Add("Open sessions ended; must choose a new password at next sign-in.");
        user.Role = role;
        user.OrganisationId = newOrganisation;
        user.MustChangePassword = true;
        db.AdministrationLog.Add(Entry(actor, action, user, string.Join(" ", details)));
        Check(await users.UpdateSecurityStampAsync(user));
        await revocations.RevokeAsync(user.Id, "An administrator changed your role or organisation.");
    }

    /// <summary>Sets a password the person must replace at the next sign-in, and ends their open sessions.</summary>
    public async Task ResetPasswordAsync(Actor actor, string userId, string newPassword, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var scope = scopeFactory.CreateAsyncScope();
        var (users, db) = Services(scope);
        var user = await FindAsync(users, userId);
        user.MustChangePassword = true;
        db.AdministrationLog.Add(Entry(actor, AdministrationAction.PasswordReset, user,
            "Password reset; open sessions ended; must choose a new password at next sign-in."));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, newPassword));
        await revocations.RevokeAsync(user.Id, "An administrator reset your password.");
    }

    public async Task UnlockAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var scope = scopeFactory.CreateAsyncScope();
        var (users, db) = Services(scope);
        var user = await FindAsync(users, userId);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        db.AdministrationLog.Add(Entry(actor, AdministrationAction.Unlocked, user, "Lockout after failed sign-ins lifted."));
        Check(await users.UpdateAsync(user));
    }

    /// <summary>Ends the account's sign-in and every open session at once. Administrators cannot deactivate themselves.</summary>
    public async Task DeactivateAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var scope = scopeFactory.CreateAsyncScope();
        var (users, db) = Services(scope);
        var user = await FindAsync(users, userId);
        if (user.Id == actor.UserId)
        {
            await RefuseAsync(db, actor, AdministrationAction.Deactivated, user, "Administrators cannot deactivate themselves: another administrator must do it.", ct);
            return;
        }
        if (user.Deactivated)
            throw new DomainException("{0} is already deactivated.", user.UserName);
        user.Deactivated = true;
        db.AdministrationLog.Add(Entry(actor, AdministrationAction.Deactivated, user, "Deactivated; sign-in refused and open sessions ended."));
        Check(await users.UpdateSecurityStampAsync(user));
        await revocations.RevokeAsync(user.Id, "Your account has been deactivated by an administrator.");
        logger.LogInformation("Administrator {AdminId} deactivated user {UserId}", actor.UserId, user.Id);
    }

    public async Task ReactivateAsync(Actor actor, string userId, CancellationToken ct = default)
    {
        DemandAdministrator(actor);
        await using var scope = scopeFactory.CreateAsyncScope();
        var (users, db) = Services(scope);
        var user = await FindAsync(users, userId);
        if (!user.Deactivated)
            throw new DomainException("{0} is not deactivated.", user.UserName);
        user.Deactivated = false;
        db.AdministrationLog.Add(Entry(actor, AdministrationAction.Reactivated, user, "Reactivated; may sign in again."));
        Check(await users.UpdateAsync(user));
    }

    // The user manager and the log share one context, so the account change and its log entry are saved together.
    private static (UserManager<CareUser> Users, CareDbContext Db) Services(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>(), scope.ServiceProvider.GetRequiredService<CareDbContext>());

    private static async Task<CareUser> FindAsync(UserManager<CareUser> users, string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainException("That user no longer exists.");

    private async Task RefuseAsync(CareDbContext db, Actor actor, AdministrationAction action, CareUser user, string reason, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.AdministrationLog.Add(Entry(actor, action, user, reason, refused: true));
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Administrator {AdminId} refused: {Action} on own account", actor.UserId, action);
        throw new DomainException(reason);
    }

    private AdministrationLogEntry Entry(Actor actor, AdministrationAction action, CareUser user, string details, bool refused = false) =>
        new(clock.GetUtcNow(), actor.UserId, actor.DisplayName, action, user.Id, user.UserName ?? "", refused, details);

    private async Task<Guid?> CheckRoleAndOrganisationAsync(UserRole role, Guid? organisationId, CancellationToken ct)
    {
        if (role == UserRole.System)
            throw new DomainException("The system role belongs to background jobs, not to people.");
        var needsOrganisation = role is not (UserRole.Relative or UserRole.Patient or UserRole.Administrator);
        if (!needsOrganisation)
            return null;
        if (organisationId is null)
            throw new DomainException("Health professionals must belong to an organisation.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            throw new DomainException("That organisation no longer exists.");
        return organisationId;
    }

    private async Task<string> OrganisationNameAsync(Guid? organisationId, CancellationToken ct)
    {
        if (organisationId is null)
            return "none";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? organisationId.ToString()!;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static void DemandAdministrator(Actor actor)
    {
        if (actor.Role != UserRole.Administrator)
            throw new PatientAccessDeniedException("Only administrators manage users and organisations.");
    }
}
