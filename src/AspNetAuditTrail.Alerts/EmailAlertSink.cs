using Microsoft.Extensions.Options;
using MimeKit;
using AspNetAuditTrail.Events;

namespace AspNetAuditTrail.Alerts;

/// <summary>Sends each incident's first alert by e-mail (SMTP through MailKit), retrying a failed send.</summary>
internal sealed class EmailAlertSink(IOptions<EmailAlertOptions> options, TimeProvider time) : IAuditAlertSink
{
    private readonly EmailAlertOptions _options = options.Value;
    private readonly AlertGate _gate = new(time, options.Value.Window, options.Value.Retries);

    public async Task AlertAsync(SecurityAuditEvent securityEvent, CancellationToken cancellationToken)
    {
        if (!_gate.Admit(securityEvent))
        {
            return;
        }

        var message = new MimeMessage { Subject = AlertText.Subject(securityEvent), Body = new TextPart("plain") { Text = AlertText.Body(securityEvent) } };
        message.From.Add(MailboxAddress.Parse(_options.From!));
        message.To.AddRange(_options.To.Select(to => MailboxAddress.Parse(to)));
        await _gate.SendAsync(ct => SmtpSender.SendAsync(_options, message, ct), cancellationToken);
    }
}
