import Foundation
import GRDB
import Storage

/// A database file in a fresh temporary folder, removed by `remove()`; opening it again is a
/// restart of the process.
struct TemporaryDatabase {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    var path: String { folder.appendingPathComponent("busbar.sqlite").path }

    /// A new pool on the file, as a (re)started process opens it.
    func open() throws -> BusbarStore { BusbarStore(try BusbarDatabase.open(path: path)) }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
