import DepotModel
import Foundation
import PolicyEngine
import Testing

/// One escape attempt of `Corpus/`: the script and what must happen (its `-- expect:` and
/// `-- message:` header lines, or a `.expect` file beside a script that cannot carry comments).
struct CorpusScript: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let expect: String
    let message: String

    var testDescription: String { name }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static var all: [CorpusScript] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted().compactMap { file in
            let name = String(file.dropLast(4))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            let header =
                FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".expect").path)
                .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map { "-- expect: \($0)" } } ?? []
            let lines = text.split(separator: "\n").prefix(2).map(String.init)
            func value(_ key: String, _ index: Int) -> String {
                let prefix = "-- \(key): "
                if header.count > index { return String(header[index].dropFirst("-- expect: ".count)) }
                return lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) } ?? ""
            }
            return CorpusScript(name: name, text: text, expect: value("expect", 0), message: value("message", 1))
        }
    }
}

@Suite("Sandbox escape corpus")
struct CorpusTests {
    @Test func corpusIsLargeEnough() {
        #expect(CorpusScript.all.count >= 60)
    }

    @Test(arguments: CorpusScript.all)
    func scriptIsContained(_ script: CorpusScript) async throws {
        let file = "policies/evil/\(script.name).lua"
        let revision = PolicyRevision(
            folder: "policies/evil", files: ["\(script.name).lua": script.text], domains: [.priority: "\(script.name).lua"])
        if script.expect == "compile" {
            let error = try #require(PolicyEngine.check(revision))
            #expect(error.file == file)
            #expect(script.message.split(separator: "|").contains { error.message.contains($0) }, "\(error)")
            return
        }
        let evil = try await Fixtures.engine(revision, depot: "evil")
        let good = try await Fixtures.engine(Fixtures.revision(priority: Fixtures.constantPriority(tier: 7, reason: "good")))
        let context = Fixtures.priorityContext(sessions: 2)
        // Another depot evaluates meanwhile and is not affected.
        async let evilOutcomes = [await evil.priority(context), await evil.priority(context)]
        async let goodOutcomes = (0..<10).asyncMap { _ in await good.priority(context) }
        let (outcomes, others) = await (evilOutcomes, goodOutcomes)
        #expect(others.allSatisfy { $0.record.decidedBy == .policy && $0.value.map(\.tier) == [7, 7] })

        for outcome in outcomes {
            #expect(outcome.record.instructions <= PolicyBudget.standard.instructions + 1_000)
            #expect(outcome.record.memoryBytes <= PolicyBudget.standard.memoryBytes + (1 << 20))
            if script.expect == "decided" {
                #expect(outcome.record.decidedBy == .policy, "\(outcome.record.error ?? "")")
                #expect(outcome.value == outcomes[0].value)
            } else {
                let error = try #require(outcome.record.error)
                #expect(outcome.record.decidedBy == .defaultPolicy)
                #expect(outcome.value.map(\.tier) == [1, 3])  // the default decided
                #expect(error.hasPrefix(file + ":"), "\(error)")
                #expect(script.message.split(separator: "|").contains { error.contains($0) }, "\(error)")
                let lastError = try #require(await evil.status.domains.first { $0.domain == .priority }?.lastError)
                #expect(script.expect.split(separator: "|").contains { $0 == lastError.kind.rawValue })
                if lastError.kind != .memory { #expect(lastError.line != nil, "no line in \(error)") }
            }
        }
    }
}

extension Range where Bound == Int {
    fileprivate func asyncMap<T>(_ transform: (Int) async -> T) async -> [T] {
        var results: [T] = []
        for index in self { results.append(await transform(index)) }
        return results
    }
}
