using Timeshare.Kernel.Execution;
using Timeshare.Kernel.Memory;
using Timeshare.Machine;

namespace Timeshare.Kernel.Loading;

/// <summary>
/// Turns an executable file into a runnable program: checks it, builds a
/// fresh address space, loads it, and sets the registers a new program
/// starts with (pc at the entry, sp at argc, everything else zero).
/// </summary>
public static class Exec
{
    private const int Sp = 2;

    /// <exception cref="ElfError">The file is not a runnable executable (ENOEXEC).</exception>
    /// <exception cref="OutOfMemoryError">Physical memory ran out (ENOMEM).</exception>
    /// <param name="lazy">Load segments page by page on first touch instead of all at once.</param>
    public static HartExecutor Prepare(RiscvMachine machine, byte[] file, IReadOnlyList<string> args,
        IReadOnlyList<string> env, SeededRandom random, bool lazy = false)
    {
        var image = ElfParser.Parse(file);
        var space = new AddressSpace(machine.Memory, machine.Frames);
        Span<byte> randomBytes = stackalloc byte[16];
        for (var i = 0; i < randomBytes.Length; i++) randomBytes[i] = (byte)random.NextBelow(256);
        var program = ElfLoader.Load(image, file, space, args, env, randomBytes, args.Count > 0 ? args[0] : "", lazy);
        var context = new HartContext { Pc = program.Entry };
        context.X[Sp] = program.StackPointer;
        return new HartExecutor(machine.Hart, space, context);
    }
}
