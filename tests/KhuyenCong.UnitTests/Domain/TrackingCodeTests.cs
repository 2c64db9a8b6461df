using System.Security.Cryptography;
using KhuyenCong.Domain.Tracking;

namespace KhuyenCong.UnitTests.Domain;

public class TrackingCodeTests
{
    private const string Shape = "^KC-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{2}$";

    /// <summary>Returns the given bytes over and over.</summary>
    private sealed class FixedBytes(params byte[] bytes) : RandomNumberGenerator
    {
        private int _next;

        public override void GetBytes(byte[] data)
        {
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = bytes[_next++ % bytes.Length];
            }
        }
    }

    [Fact]
    public void EntropyBits_NewCode_AtLeast80Bits()
    {
        Assert.Equal(17 * Math.Log(31, 2), TrackingCode.EntropyBits, 9);
        Assert.True(TrackingCode.EntropyBits >= 80, $"{TrackingCode.EntropyBits} bits");
        Assert.InRange(TrackingCode.EntropyBits, 84.2, 84.3);
    }

    [Fact]
    public void Alphabet_Symbols_31DistinctWithoutAmbiguousCharacters()
    {
        Assert.Equal(31, TrackingCode.Alphabet.Distinct().Count());
        Assert.Equal(31, TrackingCode.Alphabet.Length);
        Assert.DoesNotContain(TrackingCode.Alphabet, c => c is '0' or 'O' or '1' or 'I' or 'L');
    }

    [Fact]
    public void New_TenThousandCodes_AllWellFormedAndUnique()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New().Value).ToList();

        Assert.All(codes, c => Assert.Matches(Shape, c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void New_ManyCodes_UseEverySymbolAboutEquallyOften()
    {
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 10_000; i++)
        {
            foreach (var c in TrackingCode.New().Value[3..].Replace("-", string.Empty, StringComparison.Ordinal)[..TrackingCode.RandomSymbols])
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        var expected = 10_000.0 * TrackingCode.RandomSymbols / 31;
        Assert.Equal(31, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, expected * 0.85, expected * 1.15));
    }

    [Fact]
    public void New_BytesAbove247_AreRejectedForUniformity()
    {
        // 255 and 248 would bias toward the first symbols if used modulo 31; 31 and 62 both give symbol '2' (value 0).
        // Check symbol of all Z (value 30): 30 × (1 + ... + 17) = 4590 ≡ 2 (mod 31), symbol '4'.
        var code = TrackingCode.New(new FixedBytes(255, 248, 31, 62));

        Assert.Equal("KC-2222-2222-2222-2222-22", code.Value);
        Assert.Equal("KC-ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z4", TrackingCode.New(new FixedBytes(30)).Value);
    }

    [Fact]
    public void TryParse_LowerCaseWithoutDashes_ReturnsCanonicalCode()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = TrackingCode.New();
            var typed = code.Value.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

            Assert.True(TrackingCode.TryParse(typed, out var parsed), typed);
            Assert.Equal(code, parsed);
            Assert.Equal(code.Value, parsed.Value);
        }
    }

    [Theory]
    [InlineData("KC-ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("kc-zzzz-zzzz-zzzz-zzzz-z4")]
    [InlineData("KC ZZZZ ZZZZ ZZZZ ZZZZ Z4")]
    [InlineData("  kczzzzzzzzzzzzzzzzz4 ")]
    [InlineData("ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("zzzzzzzzzzzzzzzzz4")]
    [InlineData("KC–ZZZZ–ZZZZ–ZZZZ–ZZZZ–Z4")]
    [InlineData("K C-ZZ ZZ-ZZZZ-ZZZZ-ZZZZ-Z-4")]
    public void TryParse_TypedVariants_ReturnCanonicalForm(string typed)
    {
        Assert.True(TrackingCode.TryParse(typed, out var code));
        Assert.Equal("KC-ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z4", code.Value);
        Assert.Equal(code.Value, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("KC")]
    [InlineData("KC-ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z")]
    [InlineData("KC-ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z4Z")]
    [InlineData("XX-ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("KC-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ")]
    [InlineData("KC-0ZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("KC-OZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("KC-1ZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("KC-IZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("KC-LZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("KC-lZZZ-ZZZZ-ZZZZ-ZZZZ-Z4")]
    [InlineData("KC-ZZZZ-ZZZZ-ZZZZ-ZZZZ-Z!")]
    [InlineData("KC-ZZZZ.ZZZZ.ZZZZ.ZZZZ.Z4")]
    public void TryParse_BadCharactersLengthOrCheckSymbol_ReturnsFalse(string? typed)
    {
        Assert.False(TrackingCode.TryParse(typed, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void TryParse_AnySingleWrongSymbol_IsDetected()
    {
        var code = TrackingCode.New().Value;
        var positions = Enumerable.Range(0, code.Length).Where(i => code[i] != '-' && i >= 3);

        foreach (var i in positions)
        {
            foreach (var replacement in TrackingCode.Alphabet.Where(c => c != code[i]))
            {
                var typo = string.Concat(code.AsSpan(0, i), replacement.ToString(), code.AsSpan(i + 1));
                Assert.False(TrackingCode.TryParse(typo, out _), typo);
            }
        }
    }

    [Fact]
    public void TryParse_SwappedNeighbours_IsDetected()
    {
        var symbols = TrackingCode.New(new FixedBytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)).Value[3..]
            .Replace("-", string.Empty, StringComparison.Ordinal);

        for (var i = 0; i + 1 < symbols.Length; i++)
        {
            var swapped = symbols.ToCharArray();
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
            Assert.False(TrackingCode.TryParse(new string(swapped), out _), new string(swapped));
        }
    }

    [Fact]
    public void Parse_NotACode_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => TrackingCode.Parse("KC-0000"));
}
