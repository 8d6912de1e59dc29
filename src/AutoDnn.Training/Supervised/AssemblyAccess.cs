using System.Runtime.CompilerServices;

// The fold trainer's restore-best-weights path is checked directly by the tests.
[assembly: InternalsVisibleTo("AutoDnn.Training.Tests")]
