public import DepotModel
import Foundation

/// Loads a timetable for `busbar plan` from YAML (a `timetable:` list with the depot file's entry
/// keys) or CSV (a header row naming those keys), checked against a depot's vehicles and bays with
/// the depot file's own rules. CSV issues carry the CSV line.
public enum TimetableFileLoader {
    public static func load(path: String, for depot: Depot, depotFile: String) throws(ConfigCheckFailure) -> [DailyTimetableEntry] {
        let log = IssueLog(file: path)
        guard var text = YAMLDocument.text(of: path, log: log) else { throw ConfigCheckFailure(issues: log.issues) }
        if path.hasSuffix(".csv") { text = yaml(fromCSV: text) }
        var reader = DepotFileReader(log: log, folder: URL(fileURLWithPath: depotFile).deletingLastPathComponent())
        reader.vehicles = depot.vehicles
        reader.tenants = depot.tenants
        for charger in depot.chargers { for connector in charger.connectors { if let bay = connector.bay { reader.bays[bay] = charger.area } } }
        guard let root = YAMLDocument.root(of: text, file: path, log: log), let map = root.mapping(keys: ["timetable"]),
            let list = map.required("timetable")
        else { throw ConfigCheckFailure(issues: log.issues) }
        let entries = reader.readTimetable(list)
        guard log.issues.isEmpty else { throw ConfigCheckFailure(issues: log.issues) }
        return entries
    }

    /// One YAML line per CSV line, so issues keep their CSV line numbers. Times and ids are quoted,
    /// SoC columns and numbers stay numbers, empty cells are left out.
    static func yaml(fromCSV text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard let header = lines.first else { return "" }
        let keys = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numeric: Set<String> = ["arrival_soc", "target_soc", "min_target_soc", "max_target_soc", "upstream_priority"]
        lines[0] = "timetable:"
        for index in lines.indices.dropFirst() where !lines[index].isEmpty {
            let cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let fields = zip(keys, cells).filter { !$0.1.isEmpty }.map { key, value in
                numeric.contains(key) ? "\(key): \(value)" : "\(key): \"\(value.replacingOccurrences(of: "\"", with: "'"))\""
            }
            lines[index] = "  - { " + fields.joined(separator: ", ") + " }"
        }
        return lines.joined(separator: "\n")
    }
}
