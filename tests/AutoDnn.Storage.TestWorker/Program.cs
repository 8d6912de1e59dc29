// Usage:
//   optimize URL STUDY N SEED   run N trials of a random search on f(x, y) = x² + y (prints "done N")
//   hold URL STUDY INTERVAL_MS SEED  ask one trial, beat its heartbeat, print "holding TRIAL_ID", then wait to be killed
using AutoDnn.Search.Samplers;
using AutoDnn.Search.Studies;
using AutoDnn.Search.Trials;
using AutoDnn.Storage;
using AutoDnn.Storage.Sql;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: optimize URL STUDY N SEED | hold URL STUDY INTERVAL_MS SEED");
    return 2;
}

using SqlStudyStorage storage = StorageUrl.Parse(args[1]).Open();
var options = new StudyOptions { Name = args[2], Storage = storage, LoadIfExists = true, Sampler = new RandomSampler(int.Parse(args[^1])) };
Study study = Study.Create(options);
switch (args[0])
{
    case "optimize":
        int n = int.Parse(args[3]);
        study.Optimize(t => Math.Pow(t.SuggestFloat("x", -10, 10), 2) + t.SuggestInt("y", 0, 5), n);
        Console.WriteLine($"done {n}");
        return 0;
    case "hold":
        Trial trial = study.Ask();
        trial.SuggestFloat("x", -10, 10);
        using (TrialHeartbeat.Start(storage, trial.TrialId, TimeSpan.FromMilliseconds(int.Parse(args[3]))))
        {
            Console.WriteLine($"holding {trial.TrialId}");
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        }

        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'");
        return 2;
}
