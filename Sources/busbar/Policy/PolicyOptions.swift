import ArgumentParser
import BusbarServer
import Foundation
import PolicyEngine

/// The option every `busbar policy` command shares: where the built-in defaults live, which
/// decide every domain a depot leaves out and every call a policy fails.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of the built-in default policies.", valueName: "dir"))
    var defaults: String = "policies/defaults"

    /// The defaults as a revision (`<domain>.lua` each); a missing folder is an error, since
    /// without it the fixed Swift rules would decide silently.
    func defaultsRevision() throws -> PolicyRevision {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: defaults, isDirectory: &isFolder), isFolder.boolValue else {
            printError("\(defaults): the default policy folder does not exist")
            throw ExitCode(1)
        }
        do {
            return try PolicyRevision(folder: DisplayPath.of(defaults), directory: URL(fileURLWithPath: defaults))
        } catch {
            printError("\(defaults): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
