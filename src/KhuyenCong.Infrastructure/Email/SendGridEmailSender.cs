using KhuyenCong.Application.Email;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace KhuyenCong.Infrastructure.Email;

/// <summary>Sends email through SendGrid's own client; the HTTP client comes from <see cref="IHttpClientFactory"/>.</summary>
public sealed partial class SendGridEmailSender(
    IHttpClientFactory httpClientFactory,
    IOptions<SendGridOptions> options,
    ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public const string HttpClientName = "SendGrid";
    public const string SendIdArgument = "sendId";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var response = await SendOrThrowAsync(Client(settings), Mail(message, settings), message.SendId, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            LogSendFailed(logger, message.SendId, status);
            throw new EmailDeliveryException(status, $"The mail service answered {status}.");
        }

        LogSent(logger, message.SendId);
        KhuyenCong.Application.Telemetry.KhuyenCongTelemetry.EmailsSent.Add(1);
    }

    private SendGridClient Client(SendGridOptions settings)
    {
        var clientOptions = new SendGridClientOptions { ApiKey = settings.ApiKey };
        if (!string.IsNullOrEmpty(settings.Host))
        {
            clientOptions.Host = settings.Host.TrimEnd('/');
        }

        return new SendGridClient(httpClientFactory.CreateClient(HttpClientName), clientOptions);
    }

    private static SendGridMessage Mail(EmailMessage message, SendGridOptions settings)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(settings.FromEmail, settings.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTos(message.To.Select(r => new EmailAddress(r.Email, r.Name)).ToList());
        mail.AddCustomArg(SendIdArgument, message.SendId);
        return mail;
    }

    /// <summary>The service's answer; a service that cannot be reached or does not answer in time is a delivery failure.</summary>
    private async Task<Response> SendOrThrowAsync(SendGridClient client, SendGridMessage mail, string sendId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendEmailAsync(mail, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            LogSendFailed(logger, sendId, 0);
            throw new EmailDeliveryException("The mail service could not be reached.", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(logger, sendId, 0);
            throw new EmailDeliveryException("The mail service did not answer in time.", ex);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Email {SendId} accepted by the mail service")]
    private static partial void LogSent(ILogger logger, string sendId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Email {SendId} was not accepted (status {Status})")]
    private static partial void LogSendFailed(ILogger logger, string sendId, int status);
}
