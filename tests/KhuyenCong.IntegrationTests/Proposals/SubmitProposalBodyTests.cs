using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace KhuyenCong.IntegrationTests.Proposals;

/// <summary>Bodies that are not a proposal at all: wrong content type, not JSON, not an object, too large, malformed.</summary>
[Collection(IntakeCollection.Name)]
public class SubmitProposalBodyTests(IntakeFixture fixture) : IntakeTestBase(fixture)
{
    private static Func<HttpContent> Raw(string body, string? contentType) => () =>
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    };

    [Theory]
    [InlineData("{\"title\": ")]
    [InlineData("organizationName=C%C3%B4ng+ty&taxCode=0101234567")]
    [InlineData("")]
    public Task Submit_BodyNotJson_Returns400Body(string body) =>
        RejectedInBothLanguagesAsync(Raw(body, "application/json"), HttpStatusCode.BadRequest, "body",
            "Nội dung gửi lên không phải JSON hợp lệ.", "The body is not valid JSON.");

    [Theory]
    [InlineData("[{\"title\": \"Máy CNC\"}]")]
    [InlineData("\"Máy CNC\"")]
    [InlineData("null")]
    public Task Submit_JsonNotAnObject_Returns400Body(string body) =>
        RejectedInBothLanguagesAsync(Raw(body, "application/json; charset=utf-8"), HttpStatusCode.BadRequest, "body",
            "Nội dung gửi lên phải là một đối tượng JSON.", "The body must be a JSON object.");

    [Theory]
    [InlineData("title", "{\"vi\": \"Máy CNC\"}")]
    [InlineData("expectedJobs", "true")]
    [InlineData("totalCost", "[600000000]")]
    public Task Submit_JsonFieldNeitherTextNorNumber_Returns400ForThatField(string field, string json)
    {
        var form = ProposalForms.Valid().Without(field);
        var body = System.Text.Json.JsonSerializer.Serialize(form).TrimEnd('}') + $",\"{field}\":{json}}}";
        return RejectedInBothLanguagesAsync(Raw(body, "application/json"), HttpStatusCode.BadRequest, field,
            "Trường này phải là chữ hoặc số.", "This field must be text or a number.");
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    [InlineData(null)]
    public Task Submit_UnsupportedContentType_Returns415Body(string? contentType) =>
        RejectedInBothLanguagesAsync(Raw(System.Text.Json.JsonSerializer.Serialize(ProposalForms.Valid()), contentType), HttpStatusCode.UnsupportedMediaType, "body",
            "Vui lòng gửi đề án dưới dạng multipart/form-data hoặc application/json.", "Send the proposal as multipart/form-data or application/json.");

    [Fact]
    public Task Submit_JsonLargerThanOneMegabyte_Returns413Body() =>
        RejectedInBothLanguagesAsync(() => ProposalForms.Json(ProposalForms.Valid().With("summary", new string('a', 1024 * 1024))),
            HttpStatusCode.RequestEntityTooLarge, "body", "Nội dung của mục này quá lớn.", "This field is too large.");

    [Fact]
    public Task Submit_MultipartFieldLargerThan64Kilobytes_Returns413ForThatField() =>
        RejectedInBothLanguagesAsync(() => ProposalForms.Multipart(ProposalForms.Valid().With("summary", new string('a', (64 * 1024) + 1))).Build(),
            HttpStatusCode.RequestEntityTooLarge, "summary", "Nội dung của mục này quá lớn.", "This field is too large.");

    [Fact]
    public Task Submit_MultipartWithoutItsBoundary_Returns400Body() =>
        RejectedInBothLanguagesAsync(Raw("this body never contains the boundary", "multipart/form-data; boundary=----abc"),
            HttpStatusCode.BadRequest, "body", "Dữ liệu biểu mẫu không đúng định dạng.", "The form data is malformed.");

    [Fact]
    public Task Submit_IdempotencyKeyLongerThan200Characters_Returns400IdempotencyKey() =>
        RejectedAsync(() => ProposalForms.Json(ProposalForms.Valid()), HttpStatusCode.BadRequest, "Idempotency-Key",
            "Tiêu đề Idempotency-Key dài quá 200 ký tự.", configure: r => r.Headers.Add("Idempotency-Key", new string('k', 201)));
}
