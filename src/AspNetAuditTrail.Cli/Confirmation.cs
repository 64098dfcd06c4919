namespace AspNetAuditTrail.Cli;

/// <summary>Asks before a change: yes only for an answer of y or yes; no answer (end of input) is no.</summary>
internal static class Confirmation
{
    public static bool Ask(string question)
    {
        Console.Write($"{question} [y/N] ");
        var answer = Console.ReadLine()?.Trim();
        Console.WriteLine();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
