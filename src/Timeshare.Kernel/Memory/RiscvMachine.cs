using Timeshare.Machine;
using Timeshare.Machine.Memory;

namespace Timeshare.Kernel.Memory;

/// <summary>The hardware real programs run on: physical memory, its frames, one hart.</summary>
public sealed class RiscvMachine
{
    public const long DefaultMemory = 256L << 20;

    public RiscvMachine(long memoryBytes = DefaultMemory)
    {
        Memory = new PhysicalMemory(memoryBytes);
        Frames = new FrameAllocator(Memory);
        Hart = new Hart(Memory);
    }

    public PhysicalMemory Memory { get; }
    public FrameAllocator Frames { get; }
    public Hart Hart { get; }
}
