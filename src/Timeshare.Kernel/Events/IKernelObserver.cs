namespace Timeshare.Kernel.Events;

/// <summary>Receives every kernel event, in order.</summary>
public interface IKernelObserver
{
    void OnEvent(in KernelEvent e);
}
