using Timeshare.Ostep.Fork;
using Timeshare.Ostep.Generator;
using Timeshare.Ostep.Mlfq;
using Timeshare.Ostep.Multi;
using Timeshare.Ostep.ProcessRun;
using Timeshare.Ostep.SchedLottery;
using Timeshare.Ostep.Scheduler;

namespace Timeshare.Ostep;

/// <summary>The OSTEP front-ends `timeshare ostep` knows.</summary>
public static class Simulators
{
    public static readonly IReadOnlyList<Simulator> All =
    [
        ProcessRun(ProcessRunVariant.CpuIntro, "cpu-intro/process-run.py: processes, states, I/O"),
        ProcessRun(ProcessRunVariant.Devices, "file-devices/process-run.py: the same with programmed I/O"),
        Simulator.Of("scheduler", "cpu-sched/scheduler.py: FIFO, SJF and RR on jobs of known length",
            SchedulerCommand.Help, SchedulerCommand.Parse, SchedulerFrontEnd.Simulate),
        Simulator.Of("lottery", "cpu-sched-lottery/lottery.py: lottery scheduling by tickets",
            () => LotteryCommand.Help, LotteryCommand.Parse, LotteryFrontEnd.Simulate),
        Simulator.Of("mlfq", "cpu-sched-mlfq/mlfq.py: a multi-level feedback queue",
            () => MlfqCommand.Help, MlfqCommand.Parse, MlfqFrontEnd.Simulate),
        Simulator.Of("multi", "cpu-sched-multi/multi.py: several CPUs, caches, per-CPU queues",
            () => MultiCommand.Help, MultiCommand.Parse, MultiFrontEnd.Simulate),
        Simulator.Of(ForkCommand.Name, "cpu-api/fork.py: process trees from fork and exit",
            ForkCommand.Help, ForkCommand.Parse, ForkFrontEnd.Simulate),
        // Writes its C files in the current directory, as the reference does.
        GeneratorCommand.WritingIn(Directory.GetCurrentDirectory),
    ];

    public static Simulator? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    private static Simulator ProcessRun(ProcessRunVariant variant, string summary) =>
        Simulator.Of(variant.Name, summary, () => ProcessRunCommand.Help(variant),
            args => ProcessRunCommand.Parse(variant, args), (options, stdout) => ProcessRunFrontEnd.Simulate(variant, options, stdout));
}
