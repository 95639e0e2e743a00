namespace Timeshare.Kernel.Memory;

/// <summary>Physical memory ran out while building an address space (ENOMEM).</summary>
public sealed class OutOfMemoryError(string message) : Exception(message);
