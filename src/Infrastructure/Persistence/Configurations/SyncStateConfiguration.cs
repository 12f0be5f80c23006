using CareWorkspace.Domain.NationalSync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareWorkspace.Infrastructure.Persistence.Configurations;

internal sealed class SyncStateConfiguration : IEntityTypeConfiguration<SyncState>
{
    public void Configure(EntityTypeBuilder<SyncState> builder)
    {
        builder.ToTable("SyncStates");
        builder.HasKey(s => s.Service);
        builder.Property(s => s.LastError).HasMaxLength(SyncState.ErrorMaxLength);
        builder.Property(s => s.Concurrency).IsConcurrencyToken();
    }
}
