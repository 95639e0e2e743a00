using Timeshare.Ostep.Generator;

namespace Timeshare.Ostep.Tests.Golden;

/// <summary>Every recorded run of cpu-api's generator.py, each writing its C files into a fresh directory.</summary>
public class GeneratorGoldenTests
{
    public static TheoryData<GoldenCase> Generator() => GoldenCase.Cases("generator");

    [Theory]
    [MemberData(nameof(Generator))]
    public void Generator_matches_the_reference(GoldenCase c)
    {
        var directory = Directory.CreateTempSubdirectory("timeshare-generator-");
        try
        {
            GoldenCheck.Matches(c, GeneratorCommand.WritingIn(() => directory.FullName).Run);
            if (c.Exit != 0 || GeneratorCommand.Parse(c.Args) is not { Solve: false } options) return;
            // Without -c the reference lists its readable file: the file must hold what was printed.
            Assert.Equal(c.Stdout, File.ReadAllText(Path.Combine(directory.FullName, options.Readable + ".c")) + "\n");
            Assert.True(File.Exists(Path.Combine(directory.FullName, options.Runnable + ".c")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
