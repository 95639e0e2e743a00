using Timeshare.Kernel.Memory;
using Timeshare.Machine.Memory;

namespace Timeshare.Kernel.Loading;

/// <summary>A program laid out in its address space, ready to start at Entry with sp = StackPointer.</summary>
public readonly record struct LoadedProgram(ulong Entry, ulong StackPointer);

/// <summary>
/// Loads a checked executable: every PT_LOAD segment is mapped with its
/// permissions and filled, at once (eager) or page by page on first touch
/// (lazy: the page fault handler reads it from the file); bss is zero. The
/// heap starts after the last segment, and the stack sits below the top of
/// user memory with argc, argv, envp and auxv as Linux lays them out.
/// </summary>
public static class ElfLoader
{
    public const ulong StackTop = ElfParser.UserTop - PhysicalMemory.PageSize;
    public const ulong StackSize = 256 * 1024;

    public static LoadedProgram Load(ElfImage image, ReadOnlyMemory<byte> file, AddressSpace space,
        IReadOnlyList<string> args, IReadOnlyList<string> env, ReadOnlySpan<byte> random, string fileName, bool lazy = false)
    {
        foreach (var s in image.Segments)
        {
            var contents = file.Slice((int)s.Offset, (int)s.FileSize);
            if (lazy)
            {
                space.MapLazily(s.VirtualAddress, s.MemorySize, Permissions(s), contents);
                continue;
            }
            space.Map(s.VirtualAddress, s.MemorySize, Permissions(s));
            space.Load(s.VirtualAddress, contents.Span);
        }
        space.SetBreakStart(image.Segments.Max(s => s.End));
        space.Map(StackTop - StackSize, StackSize, PteFlags.Read | PteFlags.Write);
        var stack = InitialStack.Build(StackTop, args, env,
        [
            (AuxKey.ProgramHeaders, image.ProgramHeaderAddress),
            (AuxKey.ProgramHeaderSize, (ulong)image.ProgramHeaderSize),
            (AuxKey.ProgramHeaderCount, (ulong)image.ProgramHeaderCount),
            (AuxKey.PageSize, PhysicalMemory.PageSize),
            (AuxKey.Entry, image.Entry),
        ], random, fileName);
        if ((ulong)stack.Image.Length > StackSize) throw new ElfError("arguments and environment do not fit on the stack");
        space.Load(stack.StackPointer, stack.Image);
        return new LoadedProgram(image.Entry, stack.StackPointer);
    }

    private static PteFlags Permissions(ElfSegment s) => PagePermissions.Of(s.Read, s.Write, s.Execute);
}
