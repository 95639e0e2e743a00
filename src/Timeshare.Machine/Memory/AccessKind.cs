namespace Timeshare.Machine.Memory;

/// <summary>The kind of a memory access, which decides the permission a page must grant and the fault raised.</summary>
public enum AccessKind
{
    Load,
    Store,
    Execute,
}
