using System.Runtime.CompilerServices;

// The RL agents' internals (replay buffer, seeds) are checked directly by their tests.
[assembly: InternalsVisibleTo("AutoDnn.Training.Tests")]
