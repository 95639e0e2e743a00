namespace Timeshare.Machine.Cpu;

/// <summary>The CSRs a user-mode program may access; all others are illegal.</summary>
internal static class Csr
{
    public const int Fflags = 0x001;
    public const int Frm = 0x002;
    public const int Fcsr = 0x003;
    public const int Cycle = 0xC00;
    public const int Time = 0xC01;
    public const int Instret = 0xC02;
}
