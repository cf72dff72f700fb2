import Foundation

/// Where the official VDV 463 schemas are read from, so the suite runs on CI (schemas beside the clone) and on
/// any fresh clone (the copy `make vdv463-schemas` fetches). See README "Running the tests".
enum SchemaFolder {
    /// Names a schema folder explicitly; when set it wins even if the folder is missing, so a wrong path fails
    /// loudly instead of silently testing against another copy.
    static let environmentVariable = "BUSBAR_VDV463_SCHEMAS"

    /// The folder `make vdv463-schemas` fetches into (git-ignored), relative to the repository root.
    static let fetchedFolder = ".vdv463-schemas"

    /// The folders tried, in order: the environment variable, `../shared/vdv463-schemas` (CI), the fetched copy.
    static func candidates(environment: [String: String], repositoryRoot: URL) -> [URL] {
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            return [URL(fileURLWithPath: explicit, relativeTo: repositoryRoot).standardizedFileURL]
        }
        return [
            repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/vdv463-schemas"),
            repositoryRoot.appendingPathComponent(fetchedFolder),
        ]
    }

    /// The first candidate that is a folder, else the last one tried (its absence is what the tests report).
    static func resolve(environment: [String: String], repositoryRoot: URL, isFolder: (URL) -> Bool) -> URL {
        let tried = candidates(environment: environment, repositoryRoot: repositoryRoot)
        return tried.first(where: isFolder) ?? tried[tried.count - 1]
    }

    /// Whether `url` is an existing directory.
    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
