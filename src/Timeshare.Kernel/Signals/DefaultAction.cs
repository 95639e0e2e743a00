namespace Timeshare.Kernel.Signals;

/// <summary>What a signal does to a process that neither catches nor ignores it.</summary>
public enum DefaultAction
{
    /// <summary>The process ends, killed by the signal (core-dumping signals too: no core is written).</summary>
    Terminate,
    /// <summary>Nothing: the signal is dropped.</summary>
    Ignore,
    /// <summary>The process stops until SIGCONT.</summary>
    Stop,
    /// <summary>The process goes on (SIGCONT's resumption happens when it is sent, whatever its disposition).</summary>
    Continue,
}
