using System.CommandLine;
using AutoDnn.Cli.Commands;

var root = new RootCommand("AutoDnn: AutoML for deep nets on libtorch.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(PluginsCommand.Create());
root.Subcommands.Add(StudyCommand.Create());
root.Subcommands.Add(AskCommand.Create());
root.Subcommands.Add(TellCommand.Create());
root.Subcommands.Add(TrialsCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
return root.Parse(args).Invoke();
