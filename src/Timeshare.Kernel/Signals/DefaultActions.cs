namespace Timeshare.Kernel.Signals;

/// <summary>Linux's table of default actions (signal(7)); real-time signals and unnamed ones terminate.</summary>
public static class DefaultActions
{
    private static readonly ulong Ignored = Signal.Bit(Signal.Chld) | Signal.Bit(Signal.Urg) | Signal.Bit(Signal.Winch);

    public static DefaultAction Of(int signal)
    {
        if (!Signal.IsValid(signal)) throw new ArgumentOutOfRangeException(nameof(signal), signal, "no such signal");
        var bit = Signal.Bit(signal);
        if ((Ignored & bit) != 0) return DefaultAction.Ignore;
        if ((Signal.Stopping & bit) != 0) return DefaultAction.Stop;
        return signal == Signal.Cont ? DefaultAction.Continue : DefaultAction.Terminate;
    }
}
