using AspNetAuditTrail.EntityFrameworkCore;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Change capture on a <see cref="DbContextOptionsBuilder"/>.</summary>
public static class AuditTrailDbContextOptionsBuilderExtensions
{
    /// <summary>
    /// Records every record a save adds, changes or deletes (values before and after, changed fields) in the audit
    /// trail, in the unit of the request that saved it, once the save and its transaction commit. Call it in
    /// <c>AddDbContext((services, options) =&gt; options.UseSqlite(...).AddAuditTrail(services))</c>; with a pooled
    /// context also call <c>AddHttpContextAccessor()</c>, so that changes find their request.
    /// </summary>
    /// <param name="builder">The context's options.</param>
    /// <param name="services">The app's services (the ones <c>AddAuditTrail</c> registered into).</param>
    /// <param name="configure">Which entities and properties to record; by default all but those marked <see cref="NotAuditedAttribute"/>.</param>
    public static DbContextOptionsBuilder AddAuditTrail(this DbContextOptionsBuilder builder, IServiceProvider services, Action<EntityChangeAuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        var options = new EntityChangeAuditOptions();
        configure?.Invoke(options);
        var (pending, recorder) = (new PendingSaves(), new ChangeRecorder(services));
        return builder.AddInterceptors(
            new ChangeCaptureInterceptor(new EntityShapes(options), pending, recorder),
            new ChangeTransactionInterceptor(pending, recorder),
            new UnseenWritesInterceptor(recorder));
    }
}
