import DepotConfig
import Testing

@Suite("Config issue format")
struct ConfigIssueTests {
    @Test func printsFileLineColumnKeyPathAndMessage() {
        let issue = ConfigIssue(
            file: "config/depots/nord.yaml", line: 41, column: 7, keyPath: "chargers[3].connectors[0].max_kw", message: "must be > 0")
        #expect(issue.description == "config/depots/nord.yaml:41:7 chargers[3].connectors[0].max_kw: must be > 0")
    }
}
