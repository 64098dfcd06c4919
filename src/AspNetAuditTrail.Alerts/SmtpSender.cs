using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AspNetAuditTrail.Alerts;

/// <summary>Sends one message through the SMTP server of <see cref="SmtpOptions"/> (MailKit), signing in when it has an account.</summary>
internal static class SmtpSender
{
    public static async Task SendAsync(SmtpOptions options, MimeMessage message, CancellationToken cancellationToken)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(options.Host!, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
        if (options.UserName is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, options.Password ?? "", cancellationToken);
        }

        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
