using System.CommandLine;
using System.Security.Cryptography;
using AspNetAuditTrail.Integrity;

namespace AspNetAuditTrail.Cli;

/// <summary><c>keys</c>: makes a new chain key and checkpoint signing key, printed as the environment variables an app reads, and the public key verifiers need.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Make a new chain key and checkpoint signing key (print them; store them outside the audit database)");
        command.SetAction(_ =>
        {
            using var signing = AuditSigningKey.Create();
            Console.WriteLine($"AuditTrail__Integrity__ChainKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");
            Console.WriteLine($"AuditTrail__Integrity__SigningKey={signing.ExportPrivateKey()}");
            Console.WriteLine($"# The checkpoints' public key (key id {signing.KeyId}), for audit-trail verify --public-key:");
            Console.WriteLine(signing.PublicKey.Export());
            return ExitCodes.Done;
        });
        return command;
    }
}
