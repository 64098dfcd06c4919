using System.Security.Cryptography;
using System.Text;

namespace AspNetAuditTrail.Sample.Security;

/// <summary>
/// The demo's accounts: alice (roles admin and audit-admin: every tenant's trail), bob (tenant globex, no roles) and
/// carol (tenant acme, role audit-viewer: her tenant's trail only).
/// </summary>
public sealed class DemoUsers
{
    private readonly DemoUser[] _users =
    [
        new("alice", "alice", "alice-password", ["admin", "audit-admin"]),
        new("bob", "bob", "bob-password", [], TenantId: "globex"),
        new("carol", "carol", "carol-password", ["audit-viewer"], TenantId: "acme"),
    ];

    /// <summary>The user whose name and password match, or null.</summary>
    public DemoUser? Check(string? userName, string? password) =>
        _users.FirstOrDefault(u => u.UserName == userName && password is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(u.Password), Encoding.UTF8.GetBytes(password)));
}
