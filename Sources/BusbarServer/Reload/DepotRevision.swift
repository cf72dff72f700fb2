import DepotConfig
public import DepotModel
import Foundation
public import PolicyEngine

/// One whole revision of a depot as a reload takes it (docs/policy-api.md "Hot reload"): the validated
/// depot file, its policy folder as a `PolicyRevision`, and the `*_test.yaml` cases found below
/// that folder. `busbar policy` and the server's reloader read depot files through this one type.
public struct DepotRevision: Sendable {
    /// The depot file as given.
    public let file: String
    public let depot: Depot
    /// Nil when the depot names no policy folder: the built-in defaults decide every domain.
    public let policies: PolicyRevision?
    /// The cases that must pass before this revision goes live.
    public let cases: [PolicyTestCase]
    /// A content hash over the depot file and the policy files (`active_revision` in the status).
    public let hash: String

    /// Reads a depot file and its policy folder.
    /// - Parameters:
    ///   - depotFile: the depot YAML; errors quote this path.
    ///   - policyFolder: replaces the depot's policy folder (`busbar policy replay --policies`);
    ///     the files per domain stay those of the depot file, or `<domain>.lua` when it names none.
    ///   - readFiles: reads the folder's Lua files (path → text) another way, e.g. from a git
    ///     revision; the case tables are then left out, as they belong to the working tree.
    public static func load(
        depotFile: String, policyFolder: String? = nil, readFiles: ((String) throws -> [String: String])? = nil
    ) throws(ReloadFailure) -> DepotRevision {
        let text: String
        do {
            text = try String(contentsOfFile: depotFile, encoding: .utf8)
        } catch {
            throw ReloadFailure(file: depotFile, "cannot read: \(error.localizedDescription)")
        }
        let depot: Depot
        do {
            depot = try DepotFileLoader.load(yaml: text, file: depotFile, folder: URL(fileURLWithPath: depotFile).deletingLastPathComponent())
        } catch {
            throw ReloadFailure(error)
        }
        guard let directory = policyFolder ?? depot.policies?.directory else {
            return DepotRevision(file: depotFile, depot: depot, policies: nil, cases: [], hash: PolicyRevision.contentHash([depotFile: text]))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw ReloadFailure(file: DisplayPath.of(directory), "the policy folder does not exist")
        }
        let budget = depot.policies.map(PolicyBudget.init) ?? .standard
        let policies: PolicyRevision
        var cases: [PolicyTestCase] = []
        do {
            if let readFiles {
                let files: [String: String]
                do {
                    files = try readFiles(directory)
                } catch {
                    throw ReloadFailure(file: nil, "\(error)")  // the reader's own message names where
                }
                policies = PolicyRevision(
                    folder: DisplayPath.of(directory), files: files, domains: depot.policies?.files ?? PolicyRevision.conventionalDomains(of: files),
                    budget: budget)
            } else {
                policies = try PolicyRevision(
                    folder: DisplayPath.of(directory), directory: URL(fileURLWithPath: directory), domains: depot.policies?.files, budget: budget)
                cases = try caseTables(in: directory).flatMap { try PolicyCaseLoader.load(URL(fileURLWithPath: $0)) }.map { testCase in
                    var testCase = testCase
                    testCase.source = DisplayPath.shorten(testCase.source)
                    return testCase
                }
            }
        } catch let issue as ConfigIssue {
            let shown = ConfigIssue(
                file: DisplayPath.of(issue.file), line: issue.line, column: issue.column, keyPath: issue.keyPath, message: issue.message)
            throw ReloadFailure(ConfigCheckFailure(issues: [shown]))
        } catch let failure as ReloadFailure {
            throw failure
        } catch {
            throw ReloadFailure(file: DisplayPath.of(directory), DisplayPath.shorten("\(error)"))
        }
        let hash = PolicyRevision.contentHash([depotFile: text, DisplayPath.of(directory): policies.hash])
        return DepotRevision(file: depotFile, depot: depot, policies: policies, cases: cases, hash: hash)
    }

    /// The `*_test.yaml` files below `directory`, sorted, as paths the operator recognises.
    public static func caseTables(in directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var tables: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix("_test.yaml") { tables.append(DisplayPath.of((directory as NSString).appendingPathComponent(relative))) }
        }
        return tables.sorted()
    }
}
