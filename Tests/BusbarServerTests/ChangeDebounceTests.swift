import Foundation
import Testing

@testable import BusbarServer

/// The watcher's debounce over real files in a temporary folder, with instants given by the test.
@Suite("File watch debounce")
final class ChangeDebounceTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("busbar-watch-\(UUID().uuidString)")
    let start = ContinuousClock.now

    init() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("policies"), withIntermediateDirectories: true)
        try write("depot: {}\n", to: "depot.yaml")
        try write("return {}\n", to: "policies/priority.lua")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ text: String, to path: String) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    func fingerprint(previous: FileFingerprint? = nil) -> FileFingerprint {
        FileFingerprint(
            paths: FileFingerprint.files(
                depotFile: folder.appendingPathComponent("depot.yaml").path, policyFolder: folder.appendingPathComponent("policies").path),
            previous: previous)
    }

    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start.advanced(by: .milliseconds(milliseconds)) }

    @Test func aChangeFiresOnceAfterItHasBeenQuiet() throws {
        let read = fingerprint()
        var debounce = ChangeDebounce<ContinuousClock.Instant>(quiet: .milliseconds(500))
        var fired: Bool
        fired = debounce.observe(fingerprint(previous: read), read: read, at: at(0))
        #expect(!fired)
        try write("return { changed = true }\n", to: "policies/priority.lua")
        fired = debounce.observe(fingerprint(previous: read), read: read, at: at(100))
        #expect(!fired)
        fired = debounce.observe(fingerprint(previous: read), read: read, at: at(599))
        #expect(!fired)
        fired = debounce.observe(fingerprint(previous: read), read: read, at: at(600))
        #expect(fired)
    }

    @Test func aFurtherEditRestartsTheQuietPeriod() throws {
        let read = fingerprint()
        var debounce = ChangeDebounce<ContinuousClock.Instant>(quiet: .milliseconds(500))
        var fired: Bool
        try write("return { one = 1 }\n", to: "policies/priority.lua")
        fired = debounce.observe(fingerprint(), read: read, at: at(0))
        #expect(!fired)
        try write("depot: { edited: true }\n", to: "depot.yaml")
        fired = debounce.observe(fingerprint(), read: read, at: at(400))
        #expect(!fired)
        fired = debounce.observe(fingerprint(), read: read, at: at(800))
        #expect(!fired)
        fired = debounce.observe(fingerprint(), read: read, at: at(900))
        #expect(fired)
    }

    @Test func anEditThatIsUndoneOrANewFileOutsideThePoliciesDoesNotFire() throws {
        let read = fingerprint()
        var debounce = ChangeDebounce<ContinuousClock.Instant>(quiet: .milliseconds(500))
        var fired: Bool
        try write("return { temporary = 1 }\n", to: "policies/priority.lua")
        fired = debounce.observe(fingerprint(), read: read, at: at(0))
        #expect(!fired)
        try write("return {}\n", to: "policies/priority.lua")
        try write("notes\n", to: "policies/README.md")
        fired = debounce.observe(fingerprint(), read: read, at: at(100))
        #expect(!fired)
        fired = debounce.observe(fingerprint(), read: read, at: at(1_000))
        #expect(!fired)
    }

    @Test func aNewPolicyFileCounts() throws {
        let read = fingerprint()
        var debounce = ChangeDebounce<ContinuousClock.Instant>(quiet: .milliseconds(500))
        var fired: Bool
        try write("return {}\n", to: "policies/helpers.lua")
        fired = debounce.observe(fingerprint(), read: read, at: at(0))
        #expect(!fired)
        fired = debounce.observe(fingerprint(), read: read, at: at(500))
        #expect(fired)
    }
}
