import Foundation
import Yams

/// Parses a configuration file's text into a located node tree, turning YAML syntax errors into
/// located issues.
enum YAMLDocument {
    static func root(of text: String, file: String, log: IssueLog) -> ConfigNode? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.report("the file is empty", line: 1, column: 1, keyPath: "")
                return nil
            }
            return ConfigNode(node: node, path: "", log: log)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                let detail = context.map { "\(problem) \($0.text)" } ?? problem
                log.report("YAML syntax: \(detail)", line: mark.line, column: mark.column, keyPath: "")
            case .duplicatedKeysInMapping(let duplicates, let context):
                log.report("duplicate key \(duplicates.joined(separator: ", "))", line: context.mark.line, column: context.mark.column, keyPath: "")
            default:
                log.report("YAML: \(error)", line: 1, column: 1, keyPath: "")
            }
            return nil
        } catch {
            log.report("YAML: \(error)", line: 1, column: 1, keyPath: "")
            return nil
        }
    }

    /// Reads a file as UTF-8 text, reporting an unreadable file as an issue.
    static func text(of path: String, log: IssueLog) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            log.report("cannot read the file", line: 1, column: 1, keyPath: "")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.report("the file is not UTF-8 text", line: 1, column: 1, keyPath: "")
            return nil
        }
        return text
    }
}
