public import Foundation

/// Loads `config/busbar.yaml`, the process settings (docs/depot-config.md).
public enum SettingsFileLoader {
    public static func load(path: String) throws(ConfigCheckFailure) -> BusbarSettings {
        let log = IssueLog(file: path)
        guard let text = YAMLDocument.text(of: path, log: log) else { throw ConfigCheckFailure(issues: log.issues) }
        return try load(yaml: text, file: path)
    }

    public static func load(yaml: String, file: String) throws(ConfigCheckFailure) -> BusbarSettings {
        let log = IssueLog(file: file)
        guard let root = YAMLDocument.root(of: yaml, file: file, log: log), let settings = SettingsFileReader(log: log).read(root) else {
            throw ConfigCheckFailure(issues: log.issues)
        }
        return settings
    }

    /// The depot files the settings name, expanding a `*` in the last path component, sorted.
    public static func depotFiles(
        of settings: BusbarSettings, relativeTo folder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> [String] {
        settings.depotPatterns.flatMap { pattern -> [String] in
            guard pattern.contains("*") || pattern.contains("?") else { return [pattern] }
            let directory = (pattern as NSString).deletingLastPathComponent
            let namePattern = (pattern as NSString).lastPathComponent
            let base = directory.hasPrefix("/") ? URL(fileURLWithPath: directory) : folder.appendingPathComponent(directory)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
            return names.filter { wildcard(namePattern, matches: $0) }.sorted().map { directory.isEmpty ? $0 : "\(directory)/\($0)" }
        }
    }

    /// Matches `*` (any run) and `?` (one character) against a file name.
    static func wildcard(_ pattern: String, matches name: String) -> Bool {
        let p = Array(pattern)
        let n = Array(name)
        var (pi, ni, star, mark) = (0, 0, -1, 0)
        while ni < n.count {
            if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
                pi += 1
                ni += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi
                mark = ni
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ni = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
