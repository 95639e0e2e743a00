using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Timeshare.Machine.Cpu;
using Timeshare.Machine.Memory;

namespace Timeshare.Machine;

public sealed partial class Hart
{
    /// <summary>
    /// Where an instruction straddling two pages (never cached) is decoded to run: slot 0
    /// holds it and slot 2, just past it, is <see cref="Op.PageEnd"/>, so stepping past it
    /// re-translates at the next page.
    /// </summary>
    private readonly DecodedOp[] crossPageSlots = [default, default, DecodeCache.PageEndSlot];

    /// <summary>Virtual page and physical page base the loop is currently fetching from, and that frame's decode slots.</summary>
    private ulong fetchVpn, fetchPageBase;
    private DecodedOp[] fetchSlots = [];

    /// <summary>Instructions this Run may execute, and whether reaching that count means the timer fired.</summary>
    private long runLimit;
    private bool runEndsWithTimer;

    /// <summary>
    /// Execute at most <paramref name="maxInstructions"/> instructions. Returns
    /// <see cref="StopReason.TimerInterrupt"/> if the timer deadline comes first (or has
    /// already passed), <see cref="StopReason.BudgetExhausted"/> when the budget is used up,
    /// or the reason an instruction stopped. Each retired instruction advances
    /// <see cref="Instret"/> and the timer's clock by one.
    /// </summary>
    // Fully optimised from the first call: the loop must not depend on tiering to be fast.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StopReason Run(long maxInstructions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxInstructions);
        long timerLeft = Timer.Remaining;
        runEndsWithTimer = Timer.IsArmed && timerLeft <= maxInstructions;
        runLimit = runEndsWithTimer ? timerLeft : maxInstructions;

        ref ulong r = ref MemoryMarshal.GetArrayDataReference(x);
        ulong pc = this.pc;
        // Only pc, its slot d, the countdown and the register file live in registers;
        // everything else the loop needs is in fields, to avoid spills.
        // Invariant at Next: d is the decode slot of pc (or the PageEnd slot just past pc's page).
        long left = runLimit;
        fetchVpn = Tlb.InvalidTag;
        ref DecodedOp d = ref Unsafe.NullRef<DecodedOp>();
        StopReason stop;

    Fetch: // pc was set explicitly: find its slot, translating when it left the page
        if ((pc >> PhysicalMemory.PageShift) != fetchVpn)
        {
            if (!Translate(pc, AccessKind.Execute, out ulong fetchPa))
                goto Fault;
            fetchVpn = pc >> PhysicalMemory.PageShift;
            fetchPageBase = fetchPa & ~PageOffsetMask;
            fetchSlots = decoded.GetOrCreate((long)(fetchPa >> PhysicalMemory.PageShift));
        }
        // pc is even, so 8 times its page offset is the byte offset of its 16-byte slot.
        d = ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(fetchSlots), (nint)((pc & PageOffsetMask) * 8));

    Next:
        if (left <= 0)
        {
            stop = runEndsWithTimer ? StopReason.TimerInterrupt : StopReason.BudgetExhausted;
            goto Done;
        }

    Dispatch:
        switch (d.Op)
        {
            case Op.NotDecoded:
                d = DecodeAt(fetchPageBase | (pc & PageOffsetMask));
                goto Dispatch;
            case Op.PageEnd:
                goto Fetch;
            case Op.CrossPage:
                d = ref crossPageSlots[0];
                if (!DecodeCrossPage(pc, out d))
                    goto Fault;
                goto Dispatch;

            case Op.Lui: Reg(ref r, d.Rd) = (ulong)d.Imm; break;
            case Op.Auipc: Reg(ref r, d.Rd) = pc + (ulong)d.Imm; break;
            case Op.Jal: Reg(ref r, d.Rd) = pc + d.Len; goto Taken;
            case Op.Jalr:
            {
                ulong target = (Reg(ref r, d.Rs1) + (ulong)d.Imm) & ~1UL;
                Reg(ref r, d.Rd) = pc + d.Len;
                pc = target;
                goto Moved;
            }
            case Op.Beq: if (Reg(ref r, d.Rs1) == Reg(ref r, d.Rs2)) goto Taken; break;
            case Op.Bne: if (Reg(ref r, d.Rs1) != Reg(ref r, d.Rs2)) goto Taken; break;
            case Op.Blt: if ((long)Reg(ref r, d.Rs1) < (long)Reg(ref r, d.Rs2)) goto Taken; break;
            case Op.Bge: if ((long)Reg(ref r, d.Rs1) >= (long)Reg(ref r, d.Rs2)) goto Taken; break;
            case Op.Bltu: if (Reg(ref r, d.Rs1) < Reg(ref r, d.Rs2)) goto Taken; break;
            case Op.Bgeu: if (Reg(ref r, d.Rs1) >= Reg(ref r, d.Rs2)) goto Taken; break;

            // Loads and stores missing the fast path finish at LoadMiss / StoreMiss.
            case Op.Lb: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out sbyte v)) goto LoadMiss; Reg(ref r, d.Rd) = (ulong)v; break; }
            case Op.Lh: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out short v)) goto LoadMiss; Reg(ref r, d.Rd) = (ulong)v; break; }
            case Op.Lw: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out int v)) goto LoadMiss; Reg(ref r, d.Rd) = (ulong)v; break; }
            case Op.Ld: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out ulong v)) goto LoadMiss; Reg(ref r, d.Rd) = v; break; }
            case Op.Lbu: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out byte v)) goto LoadMiss; Reg(ref r, d.Rd) = v; break; }
            case Op.Lhu: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out ushort v)) goto LoadMiss; Reg(ref r, d.Rd) = v; break; }
            case Op.Lwu: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out uint v)) goto LoadMiss; Reg(ref r, d.Rd) = v; break; }
            case Op.Sb: if (!TryStoreFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, (byte)Reg(ref r, d.Rs2))) goto StoreMiss; break;
            case Op.Sh: if (!TryStoreFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, (ushort)Reg(ref r, d.Rs2))) goto StoreMiss; break;
            case Op.Sw: if (!TryStoreFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, (uint)Reg(ref r, d.Rs2))) goto StoreMiss; break;
            case Op.Sd: if (!TryStoreFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, Reg(ref r, d.Rs2))) goto StoreMiss; break;

            case Op.Addi: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) + (ulong)d.Imm; break;
            case Op.Slti: Reg(ref r, d.Rd) = (long)Reg(ref r, d.Rs1) < d.Imm ? 1UL : 0; break;
            case Op.Sltiu: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) < (ulong)d.Imm ? 1UL : 0; break;
            case Op.Xori: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) ^ (ulong)d.Imm; break;
            case Op.Ori: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) | (ulong)d.Imm; break;
            case Op.Andi: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) & (ulong)d.Imm; break;
            case Op.Slli: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) << (int)d.Imm; break;
            case Op.Srli: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) >> (int)d.Imm; break;
            case Op.Srai: Reg(ref r, d.Rd) = (ulong)((long)Reg(ref r, d.Rs1) >> (int)d.Imm); break;

            case Op.Add: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) + Reg(ref r, d.Rs2); break;
            case Op.Sub: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) - Reg(ref r, d.Rs2); break;
            // C# masks 64-bit shift counts to their low 6 bits, exactly as RISC-V does.
            case Op.Sll: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) << (int)Reg(ref r, d.Rs2); break;
            case Op.Slt: Reg(ref r, d.Rd) = (long)Reg(ref r, d.Rs1) < (long)Reg(ref r, d.Rs2) ? 1UL : 0; break;
            case Op.Sltu: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) < Reg(ref r, d.Rs2) ? 1UL : 0; break;
            case Op.Xor: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) ^ Reg(ref r, d.Rs2); break;
            case Op.Srl: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) >> (int)Reg(ref r, d.Rs2); break;
            case Op.Sra: Reg(ref r, d.Rd) = (ulong)((long)Reg(ref r, d.Rs1) >> (int)Reg(ref r, d.Rs2)); break;
            case Op.Or: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) | Reg(ref r, d.Rs2); break;
            case Op.And: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) & Reg(ref r, d.Rs2); break;

            case Op.Addiw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) + (uint)d.Imm); break;
            case Op.Slliw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) << (int)d.Imm); break;
            case Op.Srliw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) >> (int)d.Imm); break;
            case Op.Sraiw: Reg(ref r, d.Rd) = Word((uint)((int)Reg(ref r, d.Rs1) >> (int)d.Imm)); break;
            // 32-bit shift counts are masked to 5 bits by C#, as RISC-V's *W shifts require.
            case Op.Addw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) + (uint)Reg(ref r, d.Rs2)); break;
            case Op.Subw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) - (uint)Reg(ref r, d.Rs2)); break;
            case Op.Sllw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) << (int)Reg(ref r, d.Rs2)); break;
            case Op.Srlw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) >> (int)Reg(ref r, d.Rs2)); break;
            case Op.Sraw: Reg(ref r, d.Rd) = Word((uint)((int)Reg(ref r, d.Rs1) >> (int)Reg(ref r, d.Rs2))); break;

            case Op.Mul: Reg(ref r, d.Rd) = Reg(ref r, d.Rs1) * Reg(ref r, d.Rs2); break;
            case Op.Mulh: Reg(ref r, d.Rd) = (ulong)Math.BigMul((long)Reg(ref r, d.Rs1), (long)Reg(ref r, d.Rs2), out _); break;
            case Op.Mulhu: Reg(ref r, d.Rd) = Math.BigMul(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2), out _); break;
            case Op.Mulhsu: Reg(ref r, d.Rd) = IntegerOps.MulHighSignedUnsigned(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Div: Reg(ref r, d.Rd) = IntegerOps.Div(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Divu: Reg(ref r, d.Rd) = IntegerOps.Divu(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Rem: Reg(ref r, d.Rd) = IntegerOps.Rem(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Remu: Reg(ref r, d.Rd) = IntegerOps.Remu(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Mulw: Reg(ref r, d.Rd) = Word((uint)Reg(ref r, d.Rs1) * (uint)Reg(ref r, d.Rs2)); break;
            case Op.Divw: Reg(ref r, d.Rd) = IntegerOps.Divw(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Divuw: Reg(ref r, d.Rd) = IntegerOps.Divuw(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Remw: Reg(ref r, d.Rd) = IntegerOps.Remw(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;
            case Op.Remuw: Reg(ref r, d.Rd) = IntegerOps.Remuw(Reg(ref r, d.Rs1), Reg(ref r, d.Rs2)); break;

            // One hart and a decode cache kept coherent on every store: both fences are no-ops.
            case Op.Fence:
            case Op.FenceI:
                break;
            case Op.Ecall:
                pendingStop = StopReason.EnvironmentCall;
                StopValue = 0;
                goto Fault;
            case Op.Ebreak:
                pendingStop = StopReason.Breakpoint;
                StopValue = pc;
                goto Fault;

            case Op.Fld: { if (!TryLoadFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, out ulong v)) goto LoadMiss; f[d.Rd] = v; break; }
            case Op.Fsd: if (!TryStoreFast(Reg(ref r, d.Rs1) + (ulong)d.Imm, f[d.Rs2])) goto StoreMiss; break;

            default:
            {
                // By value: an SC/AMO/FSW may overwrite, and so clear, this very slot.
                DecodedOp op = d;
                if (!ExecuteRare(op, pc, runLimit - left))
                    goto Fault;
                pc += op.Len;
                goto Moved;
            }
        }
        // Sequential: step past d to the next slot (the PageEnd slot after the page's last one).
        // A branch on the length, not arithmetic with it: the next slot's address must not
        // wait for d.Len to load, or every instruction waits on the one before it.
        if (d.Len == 4)
        {
            pc += 4;
            d = ref Unsafe.Add(ref d, 2);
        }
        else
        {
            pc += 2;
            d = ref Unsafe.Add(ref d, 1);
        }
        left--;
        goto Next;

    Taken: // a JAL or taken branch: pc-relative by Imm
        pc += (ulong)d.Imm;
    Moved: // the instruction set pc itself
        left--;
        goto Fetch;

    LoadMiss: // a walk may set A/D bits, a store: like StoreMiss, take the next pc first
    {
        ulong next = pc + d.Len;
        if (!ExecuteLoad(d))
            goto Fault;
        pc = next;
        goto Moved;
    }

    StoreMiss: // a slow store may clear its own slot: take the next pc first, re-fetch after
    {
        ulong next = pc + d.Len;
        if (!ExecuteStore(d))
            goto Fault;
        pc = next;
        goto Moved;
    }

    Fault:
        stop = pendingStop;
    Done:
        long n = runLimit - left;
        this.pc = pc;
        Instret += n;
        Timer.Advance(n);
        if (stop == StopReason.TimerInterrupt)
            Timer.Disarm();
        return stop;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref ulong Reg(ref ulong r, byte index) => ref Unsafe.Add(ref r, (nint)index);

    /// <summary>Sign-extend a 32-bit result, as every *W instruction does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Word(uint value) => (ulong)(long)(int)value;
}
