import ArgumentParser
import BusbarServer
import DepotModel
import Foundation
import PolicyEngine

/// What the `busbar policy` commands need of a depot file: the depot's id and its policy revision,
/// nil when the file names no policies and the built-in defaults decide every domain. Read through
/// `DepotRevision`, as the server's reloader reads it.
struct DepotPolicies {
    let depot: DepotID
    /// The validated depot file, for what the planner needs (`replay`'s predictions).
    let configuration: Depot
    let revision: PolicyRevision?

    /// Loads a depot file and reads its policy folder; problems are printed and exit 1.
    /// - Parameters:
    ///   - folder: replaces the depot's policy folder (`replay --policies`); the files per domain
    ///     stay those of the depot file, or `<domain>.lua` when it names none.
    ///   - git: reads the folder's files as they were at this revision (`replay --rev`).
    static func load(depotFile: String, folder: String? = nil, git: GitRevision? = nil) throws -> DepotPolicies {
        do {
            let loaded = try DepotRevision.load(
                depotFile: depotFile, policyFolder: folder, readFiles: git.map { git in { try git.luaFiles(in: $0) } })
            return DepotPolicies(depot: loaded.depot.id, configuration: loaded.depot, revision: loaded.policies)
        } catch {
            printError(error.message)
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
