import ArgumentParser
import DepotConfig
import DepotModel
import Foundation
import PolicyEngine

/// What the `busbar policy` commands need of a depot file: the depot's id and its policy revision,
/// nil when the file names no policies and the built-in defaults decide every domain.
struct DepotPolicies {
    let depot: DepotID
    let revision: PolicyRevision?

    /// Loads a depot file and reads its policy folder; problems are printed and exit 1.
    /// - Parameters:
    ///   - folder: replaces the depot's policy folder (`replay --policies`); the files per domain
    ///     stay those of the depot file, or `<domain>.lua` when it names none.
    ///   - git: reads the folder's files as they were at this revision (`replay --rev`).
    static func load(depotFile: String, folder: String? = nil, git: GitRevision? = nil) throws -> DepotPolicies {
        let depot: Depot
        do {
            depot = try DepotFileLoader.load(path: depotFile)
        } catch {
            for issue in error.issues { printError(issue.description) }
            throw ExitCode(1)
        }
        guard let directory = folder ?? depot.policies?.directory else { return DepotPolicies(depot: depot.id, revision: nil) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            printError("\(directory): the policy folder does not exist")
            throw ExitCode(1)
        }
        let budget = depot.policies.map(PolicyBudget.init) ?? .standard
        if let git {
            let files = try git.luaFiles(in: directory)
            let domains =
                depot.policies?.files
                ?? Dictionary(
                    uniqueKeysWithValues: PolicyDomain.allCases.compactMap { files["\($0.rawValue).lua"] == nil ? nil : ($0, "\($0.rawValue).lua") })
            return DepotPolicies(
                depot: depot.id, revision: PolicyRevision(folder: DisplayPath.of(directory), files: files, domains: domains, budget: budget))
        }
        do {
            let revision = try PolicyRevision(
                folder: DisplayPath.of(directory), directory: URL(fileURLWithPath: directory), domains: depot.policies?.files, budget: budget)
            return DepotPolicies(depot: depot.id, revision: revision)
        } catch {
            printError("\(directory): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    /// An engine running this depot's revision over the defaults; a revision that does not
    /// compile is printed with its file:line and exits 1.
    func engine(defaults: PolicyRevision) async throws -> PolicyEngine {
        let engine = PolicyEngine(depot: depot, defaults: defaults)
        guard let revision else { return engine }
        do {
            try await engine.reload(revision, at: Date())
        } catch {
            printError(error.message)
            throw ExitCode(1)
        }
        return engine
    }
}
