using Timeshare.Machine.Memory;

namespace Timeshare.Kernel.Memory;

/// <summary>Read, write and execute rights as page-table flags.</summary>
public static class PagePermissions
{
    /// <summary>Sv39 has no write-only page, so write brings read with it, as on Linux.</summary>
    public static PteFlags Of(bool read, bool write, bool execute) =>
        (read || write ? PteFlags.Read : 0) | (write ? PteFlags.Write : 0) | (execute ? PteFlags.Execute : 0);
}
