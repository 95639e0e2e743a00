namespace Timeshare.Kernel.Loading;

/// <summary>The auxiliary-vector keys the kernel passes to a new program (Linux values).</summary>
public enum AuxKey : ulong
{
    Null = 0,
    ProgramHeaders = 3,
    ProgramHeaderSize = 4,
    ProgramHeaderCount = 5,
    PageSize = 6,
    Entry = 9,
    Random = 25,
    ExecFileName = 31,
}
