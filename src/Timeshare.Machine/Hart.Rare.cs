using System.Runtime.CompilerServices;
using Timeshare.Machine.Cpu;
using Timeshare.Machine.Memory;

namespace Timeshare.Machine;

public sealed partial class Hart
{
    /// <summary>
    /// Operations kept out of the hot switch (CSRs, atomics, floating point, illegal).
    /// <paramref name="retired"/> is the count retired so far in this Run, for counter reads.
    /// Returns false with <see cref="pendingStop"/> set when the instruction stops the hart.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ExecuteRare(DecodedOp d, ulong pc, long retired)
    {
        switch (d.Op)
        {
            case Op.Csrrw or Op.Csrrs or Op.Csrrc or Op.Csrrwi or Op.Csrrsi or Op.Csrrci:
                return ExecuteCsr(d, pc, retired);
            case Op.Lr or Op.Sc or Op.Amo:
                return ExecuteAtomic(d);
            case Op.Illegal:
                pendingStop = StopReason.IllegalInstruction;
                StopValue = (ulong)d.Imm;
                return false;
            default:
                return ExecuteFloatingPoint(d, pc);
        }
    }

    /// <summary>Stop with IllegalInstruction for an instruction that decoded but cannot execute now (bad CSR, bad frm).</summary>
    private bool IllegalAt(ulong pc)
    {
        FetchHalfword(pc, out ushort low);
        ulong bits = low;
        if (Decoder.IsFullLength(low) && FetchHalfword(pc + 2, out ushort high))
            bits |= (ulong)high << 16;
        pendingStop = StopReason.IllegalInstruction;
        StopValue = bits;
        return false;
    }

    private bool ExecuteCsr(DecodedOp d, ulong pc, long retired)
    {
        int csr = (int)d.Imm & 0xFFF;
        bool immediate = d.Op is Op.Csrrwi or Op.Csrrsi or Op.Csrrci;
        ulong operand = immediate ? d.Rs1 : x[d.Rs1];
        // CSRRS/CSRRC with x0 (or uimm 0) only read, so reading a counter is legal.
        bool writes = d.Op is Op.Csrrw or Op.Csrrwi || d.Rs1 != 0;
        ulong old;
        switch (csr)
        {
            case Csr.Fflags: old = (ulong)fflags; break;
            case Csr.Frm: old = (ulong)frm; break;
            case Csr.Fcsr: old = Fcsr; break;
            case Csr.Cycle or Csr.Time: old = (ulong)(Timer.Now + retired); break;
            case Csr.Instret: old = (ulong)(Instret + retired); break;
            default: return IllegalAt(pc);
        }
        if (writes)
        {
            if (csr is Csr.Cycle or Csr.Time or Csr.Instret)
                return IllegalAt(pc);
            ulong value = d.Op switch
            {
                Op.Csrrw or Op.Csrrwi => operand,
                Op.Csrrs or Op.Csrrsi => old | operand,
                _ => old & ~operand,
            };
            switch (csr)
            {
                case Csr.Fflags: fflags = (FpFlags)(value & 0x1F); break;
                case Csr.Frm: frm = (RoundingMode)(value & 7); break;
                default: Fcsr = (uint)(value & 0xFF); break;
            }
        }
        x[d.Rd] = old;
        return true;
    }

    private bool ExecuteAtomic(DecodedOp d)
    {
        ulong va = x[d.Rs1];
        int size = (int)d.Imm;
        bool word = size == 4;
        if ((va & (ulong)(size - 1)) != 0)
        {
            pendingStop = d.Op == Op.Lr ? StopReason.LoadAddressMisaligned : StopReason.StoreAddressMisaligned;
            StopValue = va;
            return false;
        }
        ulong source = x[d.Rs2];
        if (d.Op == Op.Lr)
        {
            if (!Translate(va, AccessKind.Load, out ulong loadPa))
                return false;
            x[d.Rd] = ReadAligned(loadPa, word);
            reservationAddress = loadPa;
            reservationValid = true;
            return true;
        }
        if (!Translate(va, AccessKind.Store, out ulong pa))
            return false;
        if (d.Op == Op.Sc)
        {
            bool success = reservationValid && reservationAddress == pa;
            reservationValid = false;
            if (success)
                WriteAligned(pa, source, word);
            x[d.Rd] = success ? 0UL : 1UL;
            return true;
        }
        ulong old = ReadAligned(pa, word);
        WriteAligned(pa, AtomicResult(d.Rm, old, source, word), word);
        x[d.Rd] = old;
        return true;
    }

    /// <summary>The value an AMO stores, given funct5, the old memory value (sign-extended for W) and rs2.</summary>
    private static ulong AtomicResult(byte funct5, ulong old, ulong source, bool word)
    {
        if (word)
        {
            old = (ulong)(long)(int)old;
            source = (ulong)(long)(int)source;
        }
        return funct5 switch
        {
            0x00 => old + source,
            0x01 => source,
            0x04 => old ^ source,
            0x08 => old | source,
            0x0C => old & source,
            // Operands are sign-extended, so 64-bit comparisons order W values correctly too;
            // for unsigned W compare the zero-extended low words.
            0x10 => (long)old <= (long)source ? old : source,
            0x14 => (long)old >= (long)source ? old : source,
            0x18 => (word ? (uint)old <= (uint)source : old <= source) ? old : source,
            _ => (word ? (uint)old >= (uint)source : old >= source) ? old : source,
        };
    }

    private ulong ReadAligned(ulong pa, bool word) =>
        word ? (ulong)(long)Unsafe.ReadUnaligned<int>(ref Ram(pa)) : Unsafe.ReadUnaligned<ulong>(ref Ram(pa));

    private void WriteAligned(ulong pa, ulong value, bool word)
    {
        if (word)
            Unsafe.WriteUnaligned(ref Ram(pa), (uint)value);
        else
            Unsafe.WriteUnaligned(ref Ram(pa), value);
        decoded.OnStore(pa, word ? 4 : 8);
    }
}
