using System.Text;
using Timeshare.Machine.Devices;
using Timeshare.Machine.Memory;
using static Timeshare.Machine.Tests.Asm;

namespace Timeshare.Machine.Tests;

/// <summary>The way the kernel is meant to drive the machine: run, handle ecall/faults/timer, resume.</summary>
public sealed class SyscallRoundTripTests
{
    private const int A0 = 10, A1 = 11, A2 = 12, A7 = 17;
    private const ulong SysWrite = 64;

    [Fact]
    public void ProgramWritesToTheConsoleThroughAKernelLoop()
    {
        var memory = new PhysicalMemory(1 << 20);
        ulong nextFrame = 64;
        var space = new Sv39PageTable(memory, () => nextFrame++);
        const ulong textVa = 0x10000, dataVa = 0x20000;
        space.Map(textVa, 1, PteFlags.User | PteFlags.Read | PteFlags.Execute);
        // The data page is mapped lazily, on the first page fault, as demand paging would.
        memory.Write(2UL << 12, Encoding.ASCII.GetBytes("hello, kernel\n"));

        uint[] program =
        [
            Lui(A1, (int)(dataVa >> 12)), Addi(A0, 0, 1), Addi(A2, 0, 14), Addi(A7, 0, (int)SysWrite), Ecall,
            Addi(5, 0, 0), Addi(5, 5, 1), Jal(0, -4),   // spin until the timer fires, then...
        ];
        for (int i = 0; i < program.Length; i++)
            memory.WriteUInt32((1UL << 12) + (ulong)(4 * i), program[i]);

        var hart = new Hart(memory) { Satp = space.Satp, Pc = textVa };
        var console = new CapturingConsole();
        var mmu = new Sv39Mmu(memory);
        var faults = new List<ulong>();
        hart.Timer.Arm(1000);
        StopReason why;
        while ((why = hart.Run(10_000)) != StopReason.TimerInterrupt)
        {
            switch (why)
            {
                case StopReason.EnvironmentCall when hart.ReadRegister(A7) == SysWrite:
                    var buffer = new byte[hart.ReadRegister(A2)];
                    if (mmu.Read(hart.Satp, hart.ReadRegister(A1), buffer, out ulong bad) != TranslationResult.Ok)
                    {
                        // copyin faulted: map the page and retry the ecall
                        faults.Add(bad);
                        space.Map(bad & ~0xFFFUL, 2, PteFlags.User | PteFlags.Read | PteFlags.Write);
                        hart.Tlb.Flush(bad);
                        continue;
                    }
                    console.Write(buffer);
                    hart.WriteRegister(A0, (ulong)buffer.Length);
                    hart.Pc += 4;
                    break;
                default:
                    Assert.Fail($"unexpected stop {why} at 0x{hart.Pc:x}");
                    break;
            }
        }
        Assert.Equal("hello, kernel\n", console.Text);
        Assert.Equal([dataVa], faults);
        Assert.Equal(14UL, hart.ReadRegister(A0));
        Assert.True(hart.ReadRegister(5) > 300, "the spin loop ran until the quantum expired");
        Assert.Equal(1000L, hart.Timer.Now);
    }
}
