using KhuyenCong.Application.Common;
using KhuyenCong.Domain.Programmes;
using KhuyenCong.Domain.Proposals;
using KhuyenCong.Domain.Text;

namespace KhuyenCong.UnitTests.Application.Common;

/// <summary>Pairing a one-language validator's messages into both languages.</summary>
public class FieldErrorsInBothTests
{
    [Fact]
    public void Validate_ProgrammeRules_PairsEachFieldsMessagesInBothLanguages()
    {
        var errors = new BilingualErrors();

        var programme = FieldErrorsInBoth.Validate(language => ProgrammeRules.Validate(new ProgrammeForm(null, 2026, 2025, "space", null, null), "p1", language), errors);

        Assert.Null(programme);
        Assert.Equal(["Vui lòng nhập tên chương trình."], errors.In(Language.Vietnamese)["name"]);
        Assert.Equal(["Năm kết thúc không được trước năm bắt đầu."], errors.In(Language.Vietnamese)["toYear"]);
        Assert.Equal(errors.In(Language.Vietnamese).Keys, errors.In(Language.English).Keys);
        Assert.DoesNotContain(errors.In(Language.English).Values.SelectMany(m => m), m => m.Any(c => c is 'ă' or 'ơ' or 'ư' or 'đ'));
    }

    [Fact]
    public void Validate_DifferentFieldsPerLanguage_Throws()
    {
        IEnumerable<FieldError> Odd(Language language) => [new FieldError(language == Language.English ? "a" : "b", "x", "m")];

        Assert.Throws<InvalidOperationException>(() => FieldErrorsInBoth.Validate(Odd, new BilingualErrors()));
    }
}
