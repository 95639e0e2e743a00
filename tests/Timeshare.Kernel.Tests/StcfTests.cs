using Timeshare.Kernel.Events;
using Timeshare.Kernel.Scheduling;

namespace Timeshare.Kernel.Tests;

public class StcfTests
{
    [Fact]
    public void Stcf_preempts_the_running_job_when_a_shorter_one_arrives()
    {
        var k = Harness.Build(new Stcf());
        var events = new EventRecorder();
        k.Attach(events);
        var a = k.SpawnJob("A", 8);
        k.SpawnJob("B", 2, arrival: 3);
        Assert.Equal("A A A B B A A A A A", k.Timeline());
        Assert.Contains(events.Events, e => e.Pid == a.Pid && e.Kind == EventKind.StateChanged && e.Cause == Cause.Preempted);
    }

    [Fact]
    public void Stcf_compares_with_what_the_running_job_has_left_not_its_declared_length()
    {
        // A declared 6 but has 3 left when B (4) arrives: no preemption.
        var k = Harness.Build(new Stcf());
        k.SpawnJob("A", 6);
        k.SpawnJob("B", 4, arrival: 3);
        Assert.Equal("A A A A A A B B B B", k.Timeline());
    }

    [Fact]
    public void A_tie_in_remaining_time_does_not_preempt()
    {
        var k = Harness.Build(new Stcf());
        k.SpawnJob("A", 4);
        k.SpawnJob("B", 2, arrival: 2);
        Assert.Equal("A A A A B B", k.Timeline());
    }

    [Fact]
    public void A_preempted_job_resumes_with_the_time_it_has_used_counted()
    {
        // A is preempted at 2 with 6 left; C (5) arriving at 4 runs before it, D (7) after.
        var k = Harness.Build(new Stcf());
        k.SpawnJob("A", 8);
        k.SpawnJob("B", 2, arrival: 2);
        k.SpawnJob("C", 5, arrival: 4);
        k.SpawnJob("D", 7, arrival: 4);
        Assert.Equal("A A B B C C C C C A A A A A A D D D D D D D", k.Timeline());
    }

    [Fact]
    public void With_staggered_arrivals_stcf_beats_sjf_on_average_turnaround()
    {
        double Average(ISchedulingPolicy policy)
        {
            var k = Harness.Build(policy);
            var jobs = new[] { k.SpawnJob("A", 100), k.SpawnJob("B", 10, arrival: 10), k.SpawnJob("C", 10, arrival: 10) };
            k.Run();
            return jobs.Average(p => (double)p.Time.Turnaround);
        }
        Assert.Equal((120 + 10 + 20) / 3.0, Average(new Stcf()));
        Assert.Equal((100 + 100 + 110) / 3.0, Average(new Sjf()));
    }

    [Fact]
    public void Stcf_refuses_a_process_without_a_declared_length()
    {
        var k = Harness.Build(new Stcf());
        k.SpawnJob("A", 5);
        k.Spawn("B", "c1", arrival: 2);
        var error = Assert.Throws<PolicyError>(() => k.Run());
        Assert.Equal("stcf needs a declared length for every process; 'B' has none", error.Message);
    }
}
