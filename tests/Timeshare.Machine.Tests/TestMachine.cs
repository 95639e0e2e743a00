using Timeshare.Machine.Memory;

namespace Timeshare.Machine.Tests;

/// <summary>A bare-mode machine with code at <see cref="CodeBase"/>, for instruction tests.</summary>
internal sealed class TestMachine
{
    public const ulong CodeBase = 0x1000;
    public const ulong DataBase = 0x8000;

    public TestMachine(long memorySize = 1 << 20)
    {
        Memory = new PhysicalMemory(memorySize);
        Hart = new Hart(Memory);
        Hart.Pc = CodeBase;
    }

    public PhysicalMemory Memory { get; }
    public Hart Hart { get; }

    /// <summary>Write 32-bit instructions at <paramref name="address"/>.</summary>
    public void Load(ulong address, params uint[] code)
    {
        for (int i = 0; i < code.Length; i++)
            Memory.WriteUInt32(address + (ulong)(4 * i), code[i]);
    }

    /// <summary>Load code (followed by EBREAK) at CodeBase, run it from there, and expect it to reach the EBREAK.</summary>
    public void RunToBreak(params uint[] code)
    {
        Load(CodeBase, [.. code, Asm.Ebreak]);
        Hart.Pc = CodeBase;
        Assert.Equal(StopReason.Breakpoint, Hart.Run(1_000_000));
        Assert.Equal(CodeBase + 4 * (ulong)code.Length, Hart.Pc);
    }

    /// <summary>Load and run code, returning the first stop.</summary>
    public StopReason RunCode(params uint[] code)
    {
        Load(CodeBase, code);
        Hart.Pc = CodeBase;
        return Hart.Run(1_000_000);
    }

    public ulong this[int register]
    {
        get => Hart.ReadRegister(register);
        set => Hart.WriteRegister(register, value);
    }

    /// <summary>x1 = a, x2 = b, run one instruction that writes x3, return x3.</summary>
    public static ulong Exec(uint instruction, ulong a, ulong b = 0)
    {
        var m = new TestMachine();
        m[1] = a;
        m[2] = b;
        m.RunToBreak(instruction);
        return m[3];
    }
}
