using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.ApiTokens;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.CalendarFeeds;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.FollowUp;
using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Administration;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Domain.Reminders;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CareWorkspace.Infrastructure.Persistence;

public sealed class CareDbContext(DbContextOptions<CareDbContext> options) : IdentityDbContext<CareUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<RelativeConsent> RelativeConsents => Set<RelativeConsent>();
    public DbSet<AccessRecord> AccessRecords => Set<AccessRecord>();
    public DbSet<PathwayEvent> PathwayEvents => Set<PathwayEvent>();
    public DbSet<MessageThread> MessageThreads => Set<MessageThread>();
    public DbSet<MessageReadReceipt> MessageReadReceipts => Set<MessageReadReceipt>();
    public DbSet<AdministrationLogEntry> AdministrationLog => Set<AdministrationLogEntry>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentSeries> AppointmentSeries => Set<AppointmentSeries>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<ReminderCheck> ReminderChecks => Set<ReminderCheck>();
    public DbSet<ConferenceMinutes> ConferenceMinutes => Set<ConferenceMinutes>();
    public DbSet<CalendarFeedSubscription> CalendarFeedSubscriptions => Set<CalendarFeedSubscription>();
    public DbSet<CarePlan> CarePlans => Set<CarePlan>();
    public DbSet<CarePlanVersion> CarePlanVersions => Set<CarePlanVersion>();
    public DbSet<RehabilitationPlan> RehabilitationPlans => Set<RehabilitationPlan>();
    public DbSet<RehabilitationSession> RehabilitationSessions => Set<RehabilitationSession>();
    public DbSet<ChangeObservation> TriageObservations => Set<ChangeObservation>();
    public DbSet<TriageActionPlan> TriageActionPlans => Set<TriageActionPlan>();
    public DbSet<UnitChangeForm> TriageChangeForms => Set<UnitChangeForm>();
    public DbSet<SyncState> SyncStates => Set<SyncState>();
    public DbSet<ImportedItem> ImportedItems => Set<ImportedItem>();
    public DbSet<ParkedImport> ParkedImports => Set<ParkedImport>();
    public DbSet<PatientRefresh> PatientRefreshes => Set<PatientRefresh>();
    public DbSet<PersonalApiToken> PersonalApiTokens => Set<PersonalApiToken>();
    public DbSet<MedicationEntry> MedicationEntries => Set<MedicationEntry>();
    public DbSet<HomeMeasurement> HomeMeasurements => Set<HomeMeasurement>();
    public DbSet<AllergyEntry> AllergyEntries => Set<AllergyEntry>();
    public DbSet<AllergyVersion> AllergyVersions => Set<AllergyVersion>();
    public DbSet<MedicationReview> MedicationReviews => Set<MedicationReview>();
    public DbSet<DischargeMedicationList> DischargeMedicationLists => Set<DischargeMedicationList>();
    public DbSet<MedicationReconciliation> MedicationReconciliations => Set<MedicationReconciliation>();
    public DbSet<AdministrationRecord> AdministrationRecords => Set<AdministrationRecord>();
    public DbSet<SharingBlock> SharingBlocks => Set<SharingBlock>();
    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // SQLite cannot order or compare DateTimeOffset values; store them as sortable UTC ticks there.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimeConverters.ToUtcTicks>();
        else
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTimeConverters.ToUtc>();
    }

    // The data-protection key store (a framework class) saves synchronously; it only ever adds keys.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().All(e => e.Entity is DataProtectionKey || e.State == EntityState.Unchanged)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("Use SaveChangesAsync.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseChangesToAccessRecords();
        RefuseChangesToAdministrationLog();
        TouchChangedAggregates();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseChangesToAccessRecords()
    {
        if (ChangeTracker.Entries<AccessRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The access log is append-only: access records cannot be changed or deleted.");
    }

    private void RefuseChangesToAdministrationLog()
    {
        if (ChangeTracker.Entries<AdministrationLogEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The administration log is append-only: entries cannot be changed or deleted.");
    }

    // A change to an owned part (a relative, a care team membership) is a change to its aggregate,
    // so the aggregate's concurrency token moves and a stale edit of the same patient is refused.
    private void TouchChangedAggregates()
    {
        var changed = new HashSet<AggregateRoot>(ReferenceEqualityComparer.Instance);
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            var root = entry.Entity as AggregateRoot ?? OwnerOf(entry);
            if (root is not null && Entry(root).State != EntityState.Added)
                changed.Add(root);
        }
        foreach (var root in changed)
            root.Touch();
    }

    private AggregateRoot? OwnerOf(EntityEntry entry)
    {
        var ownership = entry.Metadata.FindOwnership();
        if (ownership is null)
            return null;
        var ownerId = entry.Property(ownership.Properties[0].Name).CurrentValue ?? entry.Property(ownership.Properties[0].Name).OriginalValue;
        return ChangeTracker.Entries<AggregateRoot>()
            .Where(e => e.Metadata.ClrType == ownership.PrincipalEntityType.ClrType && Equals(e.Entity.Id, ownerId))
            .Select(e => e.Entity)
            .FirstOrDefault();
    }
}
