import Foundation

/// Runs the built `busbar` binary the way an operator does and captures what it prints.
///
/// `swift test` builds every product next to the test bundle, so the binary is found beside it.
enum BusbarBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var url: URL {
        if let override = ProcessInfo.processInfo.environment["BUSBAR_BIN"] { return URL(fileURLWithPath: override) }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("busbar")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return runner.deletingLastPathComponent().appendingPathComponent("busbar")
    }

    /// The repository root, for fixtures and example configs.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs the binary to its end. The wait happens on a Dispatch thread, not on one of Swift
    /// concurrency's few cooperative threads, which a blocking wait would take from every other test
    /// running at the same time; standard error goes to a file, so a chatty process cannot fill a
    /// pipe nobody is reading and hang.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result { try runToEnd(arguments, environment: environment) })
            }
        }
    }

    private static func runToEnd(_ arguments: [String], environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        process.standardOutput = out
        process.standardError = errorHandle
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errorHandle.close()
        let stderr = try Data(contentsOf: errors)
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
