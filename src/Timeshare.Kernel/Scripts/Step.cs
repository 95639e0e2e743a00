namespace Timeshare.Kernel.Scripts;

/// <summary>
/// One step of a script. Cpu: Amount units of work, a tick each at speed 1. Wait: Amount is a pid or
/// <see cref="Processes.Process.AnyChild"/>. Exit: Amount is the status.
/// Fork: Child is the child's script. Sleep: Amount is ticks. Print: Text is
/// the line. Every step but Cpu takes one tick (a sleep's tick is the call;
/// the wait follows).
/// </summary>
public readonly record struct Step(StepKind Kind, int Amount = 0, Script? Child = null, string? Text = null)
{
    public static Step Cpu(int ticks) => new(StepKind.Cpu, ticks);
    public static readonly Step Io = new(StepKind.Io);
    public static Step Fork(Script child) => new(StepKind.Fork, 0, child);
    public static Step Wait(int pid = Processes.Process.AnyChild) => new(StepKind.Wait, pid);
    public static Step Exit(int status = 0) => new(StepKind.Exit, status);
    public static Step Sleep(int ticks) => new(StepKind.Sleep, ticks);
    public static Step Print(string text) => new(StepKind.Print, Text: text);

    public override string ToString() => Kind switch
    {
        StepKind.Cpu => $"cpu {Amount}",
        StepKind.Io => "io",
        StepKind.Fork => $"fork [{Child}]",
        StepKind.Wait => Amount == Processes.Process.AnyChild ? "wait" : $"wait {Amount}",
        StepKind.Sleep => $"sleep {Amount}",
        StepKind.Print => $"print {Text}",
        _ => Amount == 0 ? "exit" : $"exit {Amount}",
    };
}
