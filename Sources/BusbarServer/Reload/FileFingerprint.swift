import Foundation
import PolicyEngine

/// The state of a depot's files as the watcher compares it: each file's modification time and
/// size, and a content hash over all of them. The hash is recomputed only when a time or size
/// moved, so polling reads no file while nothing changes, and a touch without an edit (or an edit
/// and its undo) does not count as a change.
struct FileFingerprint: Sendable, Equatable {
    /// path → (modification time, size)
    private let stamps: [String: [Double]]
    /// The content hash over every file; what equality compares.
    let contentHash: String

    /// Takes the fingerprint of `paths`, reusing `previous`'s hash when no stamp moved. A missing
    /// or unreadable file counts as absent.
    init(paths: [String], previous: FileFingerprint?) {
        var stamps: [String: [Double]] = [:]
        for path in paths {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamps[path] = [modified, Double((attributes[.size] as? NSNumber)?.intValue ?? 0)]
        }
        self.stamps = stamps
        if let previous, previous.stamps == stamps {
            contentHash = previous.contentHash
        } else {
            var texts: [String: String] = [:]
            for path in stamps.keys {
                texts[path] = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
            contentHash = PolicyRevision.contentHash(texts)
        }
    }

    /// The files a depot's revision is made of: its depot file, and every `.lua` and `.yaml` file
    /// (policies, case tables, their states) below its policy folder.
    static func files(depotFile: String, policyFolder: String?) -> [String] {
        var files = [depotFile]
        if let policyFolder, let enumerator = FileManager.default.enumerator(atPath: policyFolder) {
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".lua") || relative.hasSuffix(".yaml") {
                    files.append((policyFolder as NSString).appendingPathComponent(relative))
                }
            }
        }
        return files.sorted()
    }

    static func == (lhs: FileFingerprint, rhs: FileFingerprint) -> Bool { lhs.contentHash == rhs.contentHash }
}
