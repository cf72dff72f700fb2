import Foundation
import Testing

/// The order in which the suites look for the official VDV 463 schemas: the environment variable, the shared folder
/// beside the clone (CI), the fetched copy. Runs on real folders in a temporary workspace.
@Suite("VDV 463 schema folder")
struct SchemaFolderTests {
    /// A temporary `<workspace>/repo` with optional `<workspace>/shared/vdv463-schemas` and `repo/.vdv463-schemas`.
    struct Workspace {
        let root: URL
        var repository: URL { root.appendingPathComponent("repo") }
        var shared: URL { root.appendingPathComponent("shared/vdv463-schemas") }
        var fetched: URL { repository.appendingPathComponent(".vdv463-schemas") }

        init(shared hasShared: Bool, fetched hasFetched: Bool) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("schema-folder-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
            if hasShared { try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true) }
            if hasFetched { try FileManager.default.createDirectory(at: fetched, withIntermediateDirectories: true) }
        }

        func resolve(_ environment: [String: String] = [:]) -> String {
            SchemaFolder.resolve(environment: environment, repositoryRoot: repository, isFolder: SchemaFolder.isFolder)
                .standardizedFileURL.path
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func sharedFolderBesideTheCloneComesBeforeTheFetchedCopy() throws {
        let workspace = try Workspace(shared: true, fetched: true)
        defer { workspace.remove() }
        #expect(workspace.resolve() == workspace.shared.standardizedFileURL.path)
    }

    @Test func fetchedCopyIsUsedWhenTheSharedFolderIsAbsent() throws {
        let workspace = try Workspace(shared: false, fetched: true)
        defer { workspace.remove() }
        #expect(workspace.resolve() == workspace.fetched.standardizedFileURL.path)
    }

    @Test func environmentVariableWinsOverBothFolders() throws {
        let workspace = try Workspace(shared: true, fetched: true)
        defer { workspace.remove() }
        let elsewhere = workspace.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        #expect(workspace.resolve([SchemaFolder.environmentVariable: elsewhere.path]) == elsewhere.standardizedFileURL.path)
    }

    @Test func environmentVariableNamingAMissingFolderIsNotSilentlyReplaced() throws {
        let workspace = try Workspace(shared: true, fetched: true)
        defer { workspace.remove() }
        let missing = workspace.root.appendingPathComponent("missing").path
        #expect(workspace.resolve([SchemaFolder.environmentVariable: missing]) == missing)
    }

    @Test func relativeEnvironmentVariableIsReadAgainstTheRepository() throws {
        let workspace = try Workspace(shared: true, fetched: true)
        defer { workspace.remove() }
        #expect(workspace.resolve([SchemaFolder.environmentVariable: ".vdv463-schemas"]) == workspace.fetched.standardizedFileURL.path)
    }

    @Test func emptyEnvironmentVariableCountsAsUnset() throws {
        let workspace = try Workspace(shared: false, fetched: true)
        defer { workspace.remove() }
        #expect(workspace.resolve([SchemaFolder.environmentVariable: ""]) == workspace.fetched.standardizedFileURL.path)
    }

    @Test func withNoFolderTheFetchedPathIsReportedSoTheMessageNamesTheMakeTarget() throws {
        let workspace = try Workspace(shared: false, fetched: false)
        defer { workspace.remove() }
        #expect(workspace.resolve() == workspace.fetched.standardizedFileURL.path)
    }
}
