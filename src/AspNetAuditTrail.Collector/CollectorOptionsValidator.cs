using AspNetAuditTrail.Collector.Authentication;
using Microsoft.Extensions.Options;

namespace AspNetAuditTrail.Collector;

/// <summary>Checks the collector's settings at start-up, each failure naming its setting; a service's key must load.</summary>
internal sealed class CollectorOptionsValidator : IValidateOptions<AuditTrailCollectorOptions>
{
    private const string Section = AuditTrailCollectorOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AuditTrailCollectorOptions options)
    {
        var failures = new List<string>();
        void Require(bool condition, string setting, string rule)
        {
            if (!condition)
            {
                failures.Add($"{Section}:{setting} {rule}.");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.Audience), nameof(options.Audience), "must not be empty");
        Require(options.MaxTokenLifetime > TimeSpan.Zero && options.MaxTokenLifetime <= TimeSpan.FromMinutes(15), nameof(options.MaxTokenLifetime), "must be from 00:00:01 to 00:15:00");
        Require(options.ClockSkew >= TimeSpan.Zero && options.ClockSkew <= TimeSpan.FromMinutes(5), nameof(options.ClockSkew), "must be from 00:00:00 to 00:05:00");
        Require(options.MaxBatchItems is >= 1 and <= 100_000, nameof(options.MaxBatchItems), "must be from 1 to 100,000");
        Require(options.MaxBodyBytes is >= 1024 and <= 256 * 1024 * 1024, nameof(options.MaxBodyBytes), "must be from 1 KB to 256 MB");
        Require(!string.IsNullOrWhiteSpace(options.ReadScope), nameof(options.ReadScope), "must not be empty");
        Require(!string.IsNullOrWhiteSpace(options.ReadPolicy), nameof(options.ReadPolicy), "must not be empty");
        Require(!string.IsNullOrWhiteSpace(options.ViewerPolicy), nameof(options.ViewerPolicy), "must not be empty");
        Require(options.CheckpointFolder is null || !string.IsNullOrWhiteSpace(options.CheckpointFolder), nameof(options.CheckpointFolder), "must be a folder, or unset");
        foreach (var (service, settings) in options.Services)
        {
            Require(service.Length is >= 1 and <= 128 && !service.Any(char.IsControl), $"Services:{service}", "must be a name of 1 to 128 characters on one line");
            try
            {
                ServiceKeys.Load(service, settings.PublicKeyPath);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
