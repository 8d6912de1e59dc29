using System.CommandLine;
using AutoDnn.Cli.Commands;

var root = new RootCommand("AutoDnn: AutoML for deep nets on libtorch.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
return root.Parse(args).Invoke();
