using System.CommandLine;
using AspNetAuditTrail.Cli;

// audit-trail <command> --provider sqlite|postgresql|sqlserver --connection "<connection string>" ...
var root = new RootCommand("audit-trail: AspNetAuditTrail's command-line tool") { MigrateCommand.Create(), RetentionCommand.Create(), AnonymizeCommand.Create(), ExportUserCommand.Create(), VerifyCommand.Create(), ReportCommand.Create(), KeysCommand.Create(), TriggersCommand.Create() };
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    return ExitCodes.BadArguments;
}

return await parse.InvokeAsync();
