using KhuyenCong.Application.Identity;
using KhuyenCong.Application.Workflow;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace KhuyenCong.Functions.Proposals;

/// <summary>The acceptance (nghiệm thu) route, with the actual results recorded with it.</summary>
public sealed partial class StaffActionFunctions
{
    /// <summary>The fields of the actual results, and their names in messages.</summary>
    internal static readonly (string Field, string Vi, string En)[] ResultFields =
    [
        ("actualTrainees", "Số người thực tế được đào tạo", "Trainees actually trained"),
        ("actualJobs", "Số việc làm thực tế tạo ra", "Jobs actually created"),
        ("modelsBuilt", "Số mô hình đã xây dựng", "Models built"),
        ("productsCertified", "Số sản phẩm được công nhận", "Products certified"),
    ];

    /// <summary><c>POST /api/proposals/{id}/acceptance</c> (officer): confirms acceptance (nghiệm thu) once the applicant sent the acceptance papers.</summary>
    [Function(nameof(ConfirmAcceptance))]
    public Task<IActionResult> ConfirmAcceptance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/proposals/{id}/acceptance")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durableClient,
        CancellationToken cancellationToken) =>
        RunAsync(request, id, StaffRoles.Officer, "acceptance", async (c, ct) =>
        {
            var errors = new Errors(c.En);
            if (!c.Input.TryDate("acceptedOn", out var acceptedOn) || acceptedOn > VietnamTime.Today(time) || acceptedOn.Year < 2000)
            {
                errors.Add("acceptedOn", "Vui lòng nhập ngày nghiệm thu theo dạng yyyy-MM-dd, không sau hôm nay.", "Enter the acceptance date as yyyy-MM-dd, not after today.");
            }

            var comment = Comment(c.Input, "comment", MaxComment, required: false, errors, "Ý kiến tối đa 2000 ký tự.", "The comment may have at most 2000 characters.");
            var results = ReadResults(c.Input, errors);
            if (errors.Any)
            {
                return errors.Answer(c.Language);
            }

            var (proposal, problem) = await LoadAsync(id, c, "xác nhận nghiệm thu", "confirming acceptance", ct, ProposalStatus.InProgress);
            if (problem is not null)
            {
                return problem;
            }

            var @case = await cases.GetAsync(proposal!.Id, ct);
            if (!@case.HasAcceptancePapers)
            {
                return Conflict(c, "Cơ sở chưa gửi biên bản nghiệm thu và chứng từ: chưa thể xác nhận nghiệm thu.",
                    "The applicant has not sent the acceptance papers yet: acceptance cannot be confirmed.");
            }

            var acceptance = new AcceptanceRecord(acceptedOn, comment, c.Staff.Actor, time.GetUtcNow(), results);
            if (@case.Acceptance is not null || !await cases.SaveAcceptanceAsync(proposal.Id, acceptance, ct))
            {
                return Conflict(c, "Nghiệm thu của đề án đã được xác nhận.", "Acceptance has already been confirmed.");
            }

            await durableClient.RaiseEventAsync(proposal.Id, WorkflowEvents.AcceptanceConfirmed, new AcceptanceNotice(c.Staff.Actor), ct);
            LogDecided(logger, proposal.Id, "acceptance", "confirmed");
            return Accepted(proposal.Id, new
            {
                id = proposal.Id,
                acceptedOn = Iso(acceptedOn),
                comment,
                results = results is null ? null : new { actualTrainees = results.Trainees, actualJobs = results.Jobs, modelsBuilt = results.Models, productsCertified = results.ProductsCertified },
                by = acceptance.By,
                at = acceptance.At,
            });
        }, cancellationToken);

    /// <summary>The actual results sent with an acceptance (each optional, a whole number from 0 to 100,000); null when none was sent.</summary>
    private static ActualResults? ReadResults(ActionInput input, Errors errors)
    {
        var values = new int?[ResultFields.Length];
        for (var i = 0; i < ResultFields.Length; i++)
        {
            var (field, vi, en) = ResultFields[i];
            if (input.Text(field) is null && !input.HasWrongType(field))
            {
                continue;
            }

            if (input.TryInt64(field, out var value) && value is >= 0 and <= ProposalFieldRules.MaxCount)
            {
                values[i] = (int)value;
            }
            else
            {
                errors.Add(field, $"{vi} phải là số nguyên từ 0 đến 100.000.", $"{en} must be a whole number from 0 to 100,000.");
            }
        }

        var results = new ActualResults(values[0], values[1], values[2], values[3]);
        return results.IsEmpty ? null : results;
    }
}
