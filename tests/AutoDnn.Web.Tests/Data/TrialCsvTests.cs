using AutoDnn.Web.Data;
using AutoDnn.Web.Tests.Seeding;

namespace AutoDnn.Web.Tests.Data;

public sealed class TrialCsvTests
{
    [Fact]
    public void Writes_a_header_and_one_quoted_line_per_trial()
    {
        CampaignSnapshot s = Snapshots.Of(3);
        string csv = TrialCsv.Write(s, s.Rows);
        string[] lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("number,state,value,params_layers,params_lr,params_optimizer,datetime_start,datetime_complete,duration_s,worker", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("0,Complete,0,1,", lines[1]);
        Assert.Contains(",adam,2026-01-02T03:00:00.0000000Z,2026-01-02T03:00:30.0000000Z,30,w0", lines[1]);
    }

    [Fact]
    public void Quotes_cells_with_commas_and_quotes()
    {
        var trial = ViewerSeed.Trial(0, AutoDnn.Search.Trials.TrialState.Complete, 1, 1);
        trial = trial with { UserAttributes = new Dictionary<string, System.Text.Json.JsonElement>(trial.UserAttributes) { ["worker"] = System.Text.Json.JsonDocument.Parse("\"a,\\\"b\\\"\"").RootElement.Clone() } };
        var s = new CampaignSnapshot(new AutoDnn.Search.Storage.StudyRecord { StudyId = 1, Name = "q", Directions = [AutoDnn.Search.Studies.StudyDirection.Minimize] }, [trial], ViewerSeed.Epoch);
        Assert.EndsWith(",\"a,\"\"b\"\"\"\r\n", TrialCsv.Write(s, s.Rows));
    }
}
