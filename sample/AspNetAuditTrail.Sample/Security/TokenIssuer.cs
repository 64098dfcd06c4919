using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AspNetAuditTrail.Sample.Security;

/// <summary>Issues the demo's JSON web tokens, signed with <c>Jwt:SigningKey</c>.</summary>
public sealed class TokenIssuer(IConfiguration configuration)
{
    /// <summary>Issuer and audience of the demo's tokens.</summary>
    public const string Issuer = "AspNetAuditTrail.Sample";

    /// <summary>The key that signs and checks tokens.</summary>
    public SymmetricSecurityKey SigningKey { get; } = new(Encoding.UTF8.GetBytes(
        configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not set.")));

    /// <summary>A token for the user, valid for <paramref name="lifetime"/> from <paramref name="issuedAt"/> (default now).</summary>
    public string Issue(DemoUser user, TimeSpan lifetime, DateTime? issuedAt = null)
    {
        var start = issuedAt ?? DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", user.Id), new("name", user.UserName) };
        claims.AddRange(user.Roles.Select(role => new Claim("role", role)));
        if (user.TenantId is { } tenant)
        {
            claims.Add(new Claim("tenant_id", tenant));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = start,
            NotBefore = start,
            Expires = start + lifetime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
