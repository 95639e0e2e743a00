using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Timeshare.Machine.Cpu;
using Timeshare.Machine.Memory;
using Timer = Timeshare.Machine.Devices.Timer;

namespace Timeshare.Machine;

/// <summary>
/// A single RV64IMAFDC (RV64GC) hart executing user-mode code. It knows nothing of
/// processes: the kernel loads a context, sets <see cref="Satp"/>, and calls
/// <see cref="Run"/>, which executes until a budget, the timer, or an instruction stops it.
/// Misaligned loads and stores are performed transparently (as Linux user mode allows);
/// only LR/SC/AMOs require natural alignment.
/// </summary>
public sealed unsafe partial class Hart
{
    /// <summary>x0..x31 plus the sink register 32 that receives writes to x0.</summary>
    private readonly ulong[] x = new ulong[Decoder.SinkRegister + 1];
    private readonly ulong[] f = new ulong[32];
    private readonly byte[] ram;
    private readonly DecodeCache decoded;
    private readonly Sv39Mmu mmu;
    /// <summary>
    /// The start of <see cref="ram"/> and of the TLB's load and store arrays, for the hot
    /// paths (no null or bounds checks). Valid for the hart's life: the arrays are pinned
    /// and this hart references them.
    /// </summary>
    private readonly byte* ramBase;
    private readonly TlbEntry* loadTlb, storeTlb;
    private ulong satp;
    private ulong pc;
    private RoundingMode frm;
    private FpFlags fflags;
    private ulong reservationAddress;
    private bool reservationValid;

    public Hart(PhysicalMemory memory)
    {
        Memory = memory;
        ram = memory.Bytes;
        decoded = memory.Decoded;
        mmu = new Sv39Mmu(memory);
        ramBase = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(ram));
        loadTlb = (TlbEntry*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Tlb.Load));
        storeTlb = (TlbEntry*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(Tlb.Store));
        decoded.FrameBecameCode += frame => Tlb.RevokeStores((ulong)frame << PhysicalMemory.PageShift);
    }

    public PhysicalMemory Memory { get; }

    public Tlb Tlb { get; } = new();

    public Timer Timer { get; } = new();

    /// <summary>The next instruction's address; must be even (RVC alignment), as JALR guarantees for the program.</summary>
    public ulong Pc
    {
        get => pc;
        set
        {
            if ((value & 1) != 0)
                throw new ArgumentException($"pc 0x{value:x} is not 2-byte aligned", nameof(value));
            pc = value;
        }
    }

    /// <summary>Instructions retired (what rdinstret reads). The cycle count is <see cref="Timer"/>.Now.</summary>
    public long Instret { get; set; }

    /// <summary>What RISC-V would write to stval for the last stop (see <see cref="StopReason"/>).</summary>
    public ulong StopValue { get; private set; }

    /// <summary>
    /// Address translation: 0 for bare (virtual = physical), or MODE=8 (Sv39) with the root
    /// table's frame number in bits 43:0. Writing it flushes the TLB (there are no ASIDs).
    /// </summary>
    public ulong Satp
    {
        get => satp;
        set
        {
            if (!Sv39Mmu.IsValidSatp(value))
                throw new ArgumentException($"unsupported satp 0x{value:x}: only bare (0) and Sv39 are implemented", nameof(value));
            satp = value;
            Tlb.FlushAll();
        }
    }

    /// <summary>fcsr: frm in bits 7:5, fflags in bits 4:0.</summary>
    public uint Fcsr
    {
        get => ((uint)frm << 5) | (uint)fflags;
        set
        {
            frm = (RoundingMode)((value >> 5) & 7);
            fflags = (FpFlags)(value & 0x1F);
        }
    }

    public ulong ReadRegister(int index) => index == 0 ? 0 : x[CheckIndex(index)];

    public void WriteRegister(int index, ulong value)
    {
        if (CheckIndex(index) != 0)
            x[index] = value;
    }

    /// <summary>Raw 64-bit contents of f[index]; a single is NaN-boxed (upper 32 bits all ones).</summary>
    public ulong ReadFpRegister(int index) => f[CheckIndex(index)];

    public void WriteFpRegister(int index, ulong bits) => f[CheckIndex(index)] = bits;

    public void SaveContext(HartContext context)
    {
        x.AsSpan(0, 32).CopyTo(context.X);
        context.X[0] = 0;
        f.CopyTo(context.F.AsSpan());
        context.Pc = pc;
        context.Fcsr = Fcsr;
    }

    /// <summary>Load a context. Also drops any LR reservation, as Linux does on every trap return.</summary>
    public void RestoreContext(HartContext context)
    {
        Pc = context.Pc; // validates before anything changes
        context.X.AsSpan().CopyTo(x);
        x[0] = 0;
        context.F.AsSpan().CopyTo(f);
        Fcsr = context.Fcsr;
        reservationValid = false;
    }

    private static int CheckIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 31);
        return index;
    }
}
