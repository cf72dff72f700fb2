import ArgumentParser

/// Says honestly that a command is not part of this build yet, and exits 2.
enum CommandNotAvailable {
    static func exit(_ command: String, arrivesWith work: String) throws -> Never {
        printError("busbar \(command) is not available yet: it arrives with \(work).")
        throw ExitCode(2)
    }
}
