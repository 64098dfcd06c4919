using System.Data.Common;
using System.Text.RegularExpressions;
using AspNetAuditTrail.Events;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AspNetAuditTrail.EntityFrameworkCore;

/// <summary>
/// Names the writes that change capture cannot see (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL): a warning
/// business event with the statement's verb and table, never its text or values.
/// </summary>
internal sealed partial class UnseenWritesInterceptor(ChangeRecorder recorder) : DbCommandInterceptor
{
    /// <summary>The action of the warning event.</summary>
    public const string Action = "entity-changes.not-captured";

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Warn(command, eventData, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Warn(command, eventData, result);
        return ValueTask.FromResult(result);
    }

    private void Warn(DbCommand command, CommandExecutedEventData eventData, int rows)
    {
        var how = eventData.CommandSource switch
        {
            CommandSource.ExecuteUpdate => "ExecuteUpdate",
            CommandSource.ExecuteDelete => "ExecuteDelete",
            CommandSource.ExecuteSqlRaw => "raw SQL",
            _ => null,
        };
        if (how is null || Write().Match(command.CommandText) is not { Success: true } write)
        {
            return;
        }

        var (verb, table) = (write.Groups["verb"].Value.ToUpperInvariant(), write.Groups["table"].Value.Trim('"', '[', ']', '`'));
        recorder.With(log => log.Event(Action, $"{verb} on {table} through {how}: its {rows} changed rows are not in the change trail.")
            .Category(AuditCategories.SystemEvent)
            .Level(AuditLevel.Warning)
            .On("table", table)
            .With("statement", verb)
            .With("through", how)
            .With("rows", rows)
            .Record());
    }

    [GeneratedRegex("""^\s*(?:WITH\b.*?\)\s*)?(?<verb>UPDATE|DELETE\s+FROM|DELETE|INSERT\s+INTO|MERGE\s+INTO|MERGE)\s+(?<table>[\w."\[\]`]+)""", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Write();
}
