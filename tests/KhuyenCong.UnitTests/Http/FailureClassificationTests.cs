using Azure;
using KhuyenCong.Functions.Http;
using KhuyenCong.Web.Http;
using Microsoft.AspNetCore.Http;

namespace KhuyenCong.UnitTests.Http;

/// <summary>
/// Only storage and the durable engine make an outage (503); a request body the client cut off is a bad request (400),
/// even when it surfaces inside a storage call that was reading it (issue 11, finding 3).
/// </summary>
public class FailureClassificationTests
{
    public static TheoryData<Exception> ClientFailures() => new()
    {
        new BadHttpRequestException("Unexpected end of request content."),
        new ClientBodyException("cut off", new IOException("Unexpected end of Stream")),
        new RequestFailedException(0, "upload failed", new HttpRequestException("copy", new ClientBodyException("cut off", new IOException("x")))),
        new AggregateException(new RequestFailedException(0, "retry 1", new ClientBodyException("cut off")), new IOException("retry 2")),
        new Microsoft.AspNetCore.Connections.ConnectionResetException("reset"),
    };

    public static TheoryData<Exception> Outages() => new()
    {
        new RequestFailedException(503, "Server busy"),
        new RequestFailedException(0, "connection refused", new HttpRequestException("refused")),
        new HttpRequestException("refused"),
        new IOException("storage connection closed"),
        new AggregateException(new RequestFailedException(500, "a"), new RequestFailedException(503, "b")),
    };

    [Theory]
    [MemberData(nameof(ClientFailures))]
    public void ClientBodyFailure_IsNotAnOutage_AndAnswers400(Exception failure)
    {
        Assert.True(ClientBody.IsFailure(failure));
        Assert.False(StorageOutage.IsOutage(failure));
        var answer = Assert.IsType<Microsoft.AspNetCore.Mvc.ObjectResult>(StorageOutage.AnswerFor(new DefaultHttpContext().Request, failure));
        Assert.Equal(StatusCodes.Status400BadRequest, answer.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Outages))]
    public void StorageFailure_IsAnOutage_AndAnswers503WithRetryAfter(Exception failure)
    {
        var request = new DefaultHttpContext().Request;

        var answer = Assert.IsType<Microsoft.AspNetCore.Mvc.ObjectResult>(StorageOutage.AnswerFor(request, failure));

        Assert.False(ClientBody.IsFailure(failure));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.StatusCode);
        Assert.Equal("10", request.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public void AnyOtherFailure_HasNoAnswer() =>
        Assert.Null(StorageOutage.AnswerFor(new DefaultHttpContext().Request, new InvalidOperationException("a bug")));
}
