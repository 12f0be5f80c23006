using System.Text.Encodings.Web;
using System.Text.Json;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class PathwayEventConfiguration : IEntityTypeConfiguration<PathwayEvent>
{
    // Names with æ, ø and å stay readable in the column.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Configure(EntityTypeBuilder<PathwayEvent> builder)
    {
        builder.ToTable("PathwayEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.SourceOrganisationName).HasMaxLength(200).IsRequired();
        // Rows written before kinds existed hold English sentences: they become free text, shown as written.
        builder.Property(e => e.Kind).HasDefaultValue(PathwayEventKind.Text).ValueGeneratedNever();
        // The kind's values as one small JSON object ({"organisation":"…","date":"2026-11-29"}), the same on every provider.
        builder.Property(e => e.Parameters)
            .HasMaxLength(4000)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => Read(v),
                new ValueComparer<IReadOnlyDictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)),
                    v => new Dictionary<string, string>(v)))
            .HasDefaultValue(new Dictionary<string, string>())
            .ValueGeneratedNever()
            .IsRequired();
        builder.Property(e => e.Title).HasMaxLength(PathwayEvent.TitleMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(PathwayEvent.DetailMaxLength);
        builder.HasOne<Patient>().WithMany().HasForeignKey(e => e.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.PatientId, e.At });
    }

    private static IReadOnlyDictionary<string, string> Read(string json) =>
        string.IsNullOrWhiteSpace(json)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? new Dictionary<string, string>();
}
