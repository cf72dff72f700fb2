import Foundation

/// Paths of the test fixtures and of the official schemas, found from this file's location so
/// tests need no resources in Package.swift and can write golden files back into the repository.
enum Fixtures {
    /// `Tests/VDVTests/Fixtures`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The repository root (the worktree).
    static let repositoryRoot = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The official VDV 463 schemas: `BUSBAR_VDV463_SCHEMAS`, else `<repo root>/../shared/vdv463-schemas` (CI),
    /// else the copy `make vdv463-schemas` fetched (``SchemaFolder``).
    static let schemas = SchemaFolder.resolve(
        environment: ProcessInfo.processInfo.environment, repositoryRoot: repositoryRoot, isFolder: SchemaFolder.isFolder
    )

    /// The JSON file names in a fixture subfolder, sorted.
    static func names(in subfolder: String) -> [String] {
        let url = folder.appendingPathComponent(subfolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The bytes of a fixture, e.g. `data("decode/v2", "BootNotification.request.json")`.
    static func data(_ subfolder: String, _ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(subfolder).appendingPathComponent(name))
    }
}
