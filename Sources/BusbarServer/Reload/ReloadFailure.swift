public import DepotConfig
public import PolicyEngine

/// Why a depot revision was not swapped in: the first problem with its file and line, as the
/// status API, `busbar policy` and the logs show it (`policies/nord/priority.lua:12: …`).
public struct ReloadFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// `file:line: message`; for a depot file, every issue on its own line.
    public let message: String
    public let file: String?
    public let line: Int?

    public var description: String { message }

    /// A problem Busbar found itself, e.g. a missing policy folder.
    public init(file: String?, line: Int? = nil, _ detail: String) {
        self.file = file
        self.line = line
        switch (file, line) {
        case (let file?, let line?): message = "\(file):\(line): \(detail)"
        case (let file?, nil): message = "\(file): \(detail)"
        default: message = detail
        }
    }

    /// An invalid depot file or case table: all its issues, located at the first.
    public init(_ failure: ConfigCheckFailure) {
        message = failure.description
        file = failure.issues.first?.file
        line = failure.issues.first?.line
    }

    /// A policy that does not compile, has the wrong shape, or fails one of its cases.
    public init(_ error: PolicyError) {
        message = error.message
        file = error.file
        line = error.line
    }
}
