using Timeshare.Ostep.Multi;
using Timeshare.Ostep.ProcessRun;
using Timeshare.Ostep.SchedLottery;

namespace Timeshare.Ostep;

/// <summary>The OSTEP front-ends `timeshare ostep` knows.</summary>
public static class Simulators
{
    public static readonly IReadOnlyList<Simulator> All =
    [
        ProcessRunSimulator(ProcessRunVariant.CpuIntro, "cpu-intro/process-run.py: processes, states, I/O"),
        ProcessRunSimulator(ProcessRunVariant.Devices, "file-devices/process-run.py: the same with programmed I/O"),
        new("scheduler", "cpu-sched/scheduler.py: FIFO, SJF and RR on jobs of known length", Scheduler.SchedulerCommand.Help, (args, stdout) => { if (Scheduler.SchedulerCommand.Parse(args) is { } options) Scheduler.SchedulerFrontEnd.Simulate(options, stdout); else Write(stdout, Scheduler.SchedulerCommand.Help()); }),
        new("lottery", "cpu-sched-lottery/lottery.py: lottery scheduling by tickets", () => LotteryCommand.Help, (args, stdout) => { if (LotteryCommand.Parse(args) is { } o) LotteryFrontEnd.Simulate(o, stdout); else Write(stdout, LotteryCommand.Help); }),
        new("mlfq", "cpu-sched-mlfq/mlfq.py: a multi-level feedback queue", () => Mlfq.MlfqCommand.Help, Mlfq.MlfqFrontEnd.Run),
        Fork.ForkCommand.Simulator,
        Generator.GeneratorCommand.Simulator,
        new("multi", "cpu-sched-multi/multi.py: several CPUs, caches, per-CPU queues", () => MultiCommand.Help,
            (args, stdout) => Run(MultiCommand.Parse(args), stdout, MultiCommand.Help, MultiFrontEnd.Simulate)),
    ];

    public static Simulator? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static Simulator ProcessRunSimulator(ProcessRunVariant variant, string summary) => new(
        variant.Name,
        summary,
        () => ProcessRunCommand.Help(variant),
        (args, stdout) =>
        {
            if (ProcessRunCommand.Parse(variant, args) is { } options) ProcessRunFrontEnd.Simulate(variant, options, stdout);
            else Write(stdout, ProcessRunCommand.Help(variant));
        });

    /// <summary>Simulates the parsed options, or prints the help when they are null (-h).</summary>
    private static void Run<T>(T? options, Stream stdout, string help, Action<T, Stream> simulate) where T : class
    {
        if (options is null) Write(stdout, help);
        else simulate(options, stdout);
    }

    /// <summary>Writes help text, ending it with a newline.</summary>
    internal static void Write(Stream stdout, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text.EndsWith('\n') ? text : text + "\n");
        stdout.Write(bytes);
        stdout.Flush();
    }
}
