public import DepotModel
public import Foundation

/// One revision of a depot's policies: the texts of its files (path → text, relative to the
/// policy folder), which file decides which domain, and the budgets. Compiled and checked on the
/// side before the engine swaps it in.
public struct PolicyRevision: Sendable, Hashable {
    /// The folder as written in chunk names and errors, e.g. `policies/nord`.
    public let folder: String
    public let files: [String: String]
    /// A domain without a file is decided by the built-in default.
    public let domains: [PolicyDomain: String]
    public let budget: PolicyBudget
    /// A content hash over paths and texts (FNV-1a 64, hex): identifies the revision in decision
    /// records and status; not a security measure.
    public let hash: String

    /// - Parameters:
    ///   - folder: the policy folder as shown in errors (`policies/<depot>`).
    ///   - files: every Lua file of the folder that policies may `require`, path → text.
    ///   - domains: the file of each domain (a key of `files`).
    public init(folder: String, files: [String: String], domains: [PolicyDomain: String], budget: PolicyBudget = .standard) {
        self.folder = folder
        self.files = files
        self.domains = domains
        self.budget = budget
        self.hash = Self.contentHash(files)
    }

    /// FNV-1a 64 over sorted paths and texts, as 16 hex digits: the revision id of `hash`, also
    /// used for a whole depot revision (its YAML beside its policies).
    public static func contentHash(_ files: [String: String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for path in files.keys.sorted() {
            for byte in path.utf8 + [0] + files[path, default: ""].utf8 + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }

    /// Reads every `*.lua` file below `directory`. With `domains` nil, each domain uses
    /// `<domain>.lua` when that file exists (the layout of `policies/defaults/`).
    public init(
        folder: String, directory: URL, domains: [PolicyDomain: String]? = nil, budget: PolicyBudget = .standard
    ) throws {
        var files: [String: String] = [:]
        let root = directory.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".lua"), !relative.hasSuffix(".d.lua") else { continue }
            files[relative] = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        }
        self.init(folder: folder, files: files, domains: domains ?? Self.conventionalDomains(of: files), budget: budget)
    }

    /// `<domain>.lua` for each domain whose file is among `files`: the layout of
    /// `policies/defaults/`, used when a depot file names no files per domain.
    public static func conventionalDomains(of files: [String: String]) -> [PolicyDomain: String] {
        Dictionary(
            uniqueKeysWithValues: PolicyDomain.allCases.compactMap { domain in
                files["\(domain.rawValue).lua"] == nil ? nil : (domain, "\(domain.rawValue).lua")
            })
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
