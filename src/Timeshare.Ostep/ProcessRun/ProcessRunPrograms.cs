using System.Numerics;
using Timeshare.Kernel.Scripts;
using Timeshare.Ostep.Python;

namespace Timeshare.Ostep.ProcessRun;

/// <summary>
/// Builds process-run programs from -P (explicit: "c7,i:c3") or -l
/// (random: "5:50,3:100", X instructions each a cpu with Y percent chance),
/// and turns them into kernel scripts.
/// </summary>
public static class ProcessRunPrograms
{
    /// <summary>More instructions than anyone could read in a trace; beyond it the input is refused.</summary>
    public const long MaxInstructions = 50_000_000;

    public static List<Instruction[]> FromPrograms(string programs, ProcessRunVariant variant, long ioLength)
    {
        var result = new List<Instruction[]>();
        foreach (var program in programs.Split(':'))
        {
            var code = new List<Instruction>();
            foreach (var op in program.Split(','))
                AddOpcode(code, op, program, variant, ioLength);
            result.Add([.. code]);
        }
        return result;
    }

    public static List<Instruction[]> FromDescriptions(string list, ProcessRunVariant variant, PythonRandom random)
    {
        var result = new List<Instruction[]>();
        foreach (var description in list.Split(','))
        {
            var parts = description.Split(':');
            if (parts.Length != 2)
                throw new OstepError($"process '{description}' must be X:Y, X instructions each a cpu with Y percent chance");
            var count = Count(ParseInt(parts[0], description));
            var cpuChance = ParseFloat(parts[1], description) / 100.0;
            var code = new List<Instruction>();
            for (long i = 0; i < count; i++)
            {
                if (random.Random() < cpuChance) code.Add(Instruction.Cpu);
                else AddIo(code, variant);
            }
            result.Add([.. code]);
        }
        return result;
    }

    /// <summary>Consecutive CPU ticks become one cpu step; each io is an io step.</summary>
    public static Script ToScript(IReadOnlyList<Instruction> code)
    {
        var steps = new List<Step>();
        var run = 0;
        foreach (var i in code)
        {
            if (i != Instruction.Io)
            {
                run++;
                continue;
            }
            if (run > 0) steps.Add(Step.Cpu(run));
            run = 0;
            steps.Add(Step.Io);
        }
        if (run > 0) steps.Add(Step.Cpu(run));
        return new Script(steps);
    }

    private static void AddOpcode(List<Instruction> code, string op, string program, ProcessRunVariant variant, long ioLength)
    {
        // Like the reference, only the first character names the opcode; for 'c' the rest is the count.
        switch (op.Length > 0 ? op[0] : '\0')
        {
            case 'c':
                code.AddRange(Enumerable.Repeat(Instruction.Cpu, (int)Count(ParseInt(op[1..], program))));
                break;
            case 'i':
                AddIo(code, variant);
                break;
            case 'p' when variant.ProgrammedIo:
                code.AddRange(Enumerable.Repeat(Instruction.ProgrammedIo, (int)Count(ioLength)));
                break;
            case '\0':
                throw new OstepError($"program '{program}' has an empty instruction");
            default:
                var known = variant.ProgrammedIo ? "c<N>, i or p" : "c<N> or i";
                throw new OstepError($"unknown instruction '{op}' in program '{program}' (known: {known})");
        }
    }

    private static void AddIo(List<Instruction> code, ProcessRunVariant variant)
    {
        code.Add(Instruction.Io);
        if (variant.IoDoneTick) code.Add(Instruction.IoDone);
    }

    /// <summary>range(n): a negative count is no instructions.</summary>
    private static long Count(BigInteger n) =>
        n <= 0 ? 0 : n <= MaxInstructions ? (long)n
            : throw new OstepError($"{n} instructions is more than the {MaxInstructions} a trace can show");

    private static BigInteger ParseInt(string text, string context) =>
        Parse(() => PyInt.Parse(text), $"'{text}' in '{context}' is not a whole number");

    private static double ParseFloat(string text, string context) =>
        Parse(() => PyFloat.Parse(text), $"'{text}' in '{context}' is not a number");

    private static T Parse<T>(Func<T> parse, string complaint)
    {
        try
        {
            return parse();
        }
        catch (PythonError)
        {
            throw new OstepError(complaint);
        }
    }
}
