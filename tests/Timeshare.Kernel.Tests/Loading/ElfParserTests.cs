using Timeshare.Kernel.Loading;

namespace Timeshare.Kernel.Tests.Loading;

public class ElfParserTests
{
    [Fact]
    public void A_static_executable_parses_into_its_segments_and_entry()
    {
        var image = ElfParser.Parse(new TestElf().Bytes);
        Assert.Equal(TestElf.TextAddress + 0x100, image.Entry);
        Assert.Equal(2, image.Segments.Count);
        var text = image.Segments[0];
        Assert.True(text is { Read: true, Execute: true, Write: false });
        var data = image.Segments[1];
        Assert.True(data is { Read: true, Write: true, Execute: false });
        Assert.Equal(0x800UL, data.MemorySize);
        // The headers sit at file offset 64, inside the text segment mapped at 0x10000.
        Assert.Equal(TestElf.TextAddress + 64, image.ProgramHeaderAddress);
        Assert.Equal(2, image.ProgramHeaderCount);
        Assert.Equal(56, image.ProgramHeaderSize);
    }

    public static TheoryData<string, byte[], string> Malformed() => new()
    {
        { "empty", [], "truncated" },
        { "truncated header", new TestElf().Bytes[..40], "truncated" },
        { "bad magic", new TestElf().Byte(1, (byte)'X').Bytes, "bad magic" },
        { "32-bit class", new TestElf().Byte(4, 1).Bytes, "64-bit" },
        { "big-endian", new TestElf().Byte(5, 2).Bytes, "little-endian" },
        { "wrong machine (x86-64)", new TestElf().U16(18, 62).Bytes, "machine 62" },
        { "shared object", new TestElf().U16(16, 3).Bytes, "ET_DYN" },
        { "relocatable object", new TestElf().U16(16, 1).Bytes, "not an executable" },
        { "headers beyond the file", new TestElf().U64(32, 0x10_0000).Bytes, "program headers lie beyond" },
        { "no program headers", new TestElf().U16(56, 0).Bytes, "0 program headers" },
        { "segment beyond the file", new TestElf().Phdr(1, 1, 6, 0x1000, TestElf.DataAddress, 0x9000, 0x9000, 0x1000).Bytes, "beyond the end of the file" },
        { "segment offset beyond the file", new TestElf().Phdr(1, 1, 6, ulong.MaxValue - 4, TestElf.DataAddress, 0x100, 0x100, 0).Bytes, "beyond the end of the file" },
        { "file size over memory size", new TestElf().Phdr(1, 1, 6, 0x1000, TestElf.DataAddress, 0x100, 0x10, 0x1000).Bytes, "more bytes in the file" },
        { "huge p_memsz", new TestElf().Phdr(1, 1, 6, 0x1000, TestElf.DataAddress, 0x100, ulong.MaxValue, 0x1000).Bytes, "asks for" },
        { "segment past user memory", new TestElf().Phdr(1, 1, 6, 0x1000, ElfParser.UserTop - 0x1000, 0x100, 0x2000, 0x1000).Bytes, "beyond user memory" },
        { "overlapping segments", new TestElf().Phdr(1, 1, 6, 0x1000, TestElf.TextAddress + 0x100, 0x100, 0x100, 0).Bytes, "overlap" },
        { "misaligned segment", new TestElf().Phdr(1, 1, 6, 0x1000, TestElf.DataAddress + 8, 0x100, 0x100, 0x1000).Bytes, "misaligned" },
        { "entry outside any segment", new TestElf().U64(24, 0x4000_0000).Bytes, "outside every executable segment" },
        { "entry in a data segment", new TestElf().U64(24, TestElf.DataAddress).Bytes, "outside every executable segment" },
        { "dynamically linked", new TestElf().Phdr(1, 3, 4, 0x1000, 0, 0x10, 0x10, 1).Bytes, "interpreter" },
        { "no loadable segment", new TestElf().Phdr(0, 4, 4, 0, 0, 0, 0, 0).Phdr(1, 4, 4, 0, 0, 0, 0, 0).Bytes, "no loadable segment" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_is_refused_naming_the_problem(string what, byte[] file, string problem)
    {
        var error = Assert.Throws<ElfError>(() => ElfParser.Parse(file));
        Assert.True(error.Message.Contains(problem), $"{what}: got \"{error.Message}\"");
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Random_corruption_is_refused_or_parsed_never_a_crash()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var file = new TestElf().Bytes;
            for (var flips = random.Next(1, 6); flips > 0; flips--) file[random.Next(0, 64 + 2 * 56)] = (byte)random.Next(256);
            if (random.Next(4) == 0) file = file[..random.Next(0, file.Length)];
            var error = Record.Exception(() => ElfParser.Parse(file));
            Assert.True(error is null or ElfError, $"case {i}: {error}");
        }
    }
}
