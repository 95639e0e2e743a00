namespace Timeshare.Machine;

/// <summary>
/// A process's user-mode register state, saved and restored by the kernel on a context
/// switch with <see cref="Hart.SaveContext"/> / <see cref="Hart.RestoreContext"/> (plain
/// array copies, no allocation). The address space (satp) is the kernel's to switch.
/// </summary>
public sealed class HartContext
{
    /// <summary>x0..x31; X[0] is ignored on restore and saved as 0.</summary>
    public ulong[] X { get; } = new ulong[32];

    /// <summary>f0..f31 raw bits (singles NaN-boxed).</summary>
    public ulong[] F { get; } = new ulong[32];

    public ulong Pc { get; set; }

    /// <summary>frm in bits 7:5, fflags in bits 4:0.</summary>
    public uint Fcsr { get; set; }
}
