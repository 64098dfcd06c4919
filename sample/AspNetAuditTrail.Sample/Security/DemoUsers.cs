using System.Security.Cryptography;
using System.Text;

namespace AspNetAuditTrail.Sample.Security;

/// <summary>The demo's accounts: alice (roles admin and audit-admin) and bob (no roles).</summary>
public sealed class DemoUsers
{
    private readonly DemoUser[] _users =
    [
        new("alice", "alice", "alice-password", ["admin", "audit-admin"]),
        new("bob", "bob", "bob-password", []),
    ];

    /// <summary>The user whose name and password match, or null.</summary>
    public DemoUser? Check(string? userName, string? password) =>
        _users.FirstOrDefault(u => u.UserName == userName && password is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(u.Password), Encoding.UTF8.GetBytes(password)));
}
