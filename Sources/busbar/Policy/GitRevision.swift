import ArgumentParser
import Foundation

/// Policy files as they were at a git revision (`busbar policy replay --rev`), read with `git
/// ls-tree` and `git show REV:path` so the working tree stays untouched.
struct GitRevision {
    let rev: String

    /// The `*.lua` files below `directory` at this revision, path (relative to `directory`) → text.
    /// A failing git command throws `GitFailure` with git's message.
    func luaFiles(in directory: String) throws -> [String: String] {
        let listing = try git(["ls-tree", "-r", "--name-only", rev, "--", "."], in: directory)
        var files: [String: String] = [:]
        for path in listing.split(separator: "\n").map(String.init) where path.hasSuffix(".lua") && !path.hasSuffix(".d.lua") {
            files[path] = try git(["show", "\(rev):./\(path)"], in: directory)
        }
        return files
    }

    private func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(
                description: "git \(arguments.joined(separator: " ")) in \(directory): \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// A git command that failed, with its arguments and git's own message.
struct GitFailure: Error, CustomStringConvertible {
    let description: String
}
