import DepotModel
import Foundation

/// Everything of a decision record but the JSON of its input and output, which
/// `PolicyOutcome.record` encodes on demand.
struct PolicyDecisionDraft: Sendable {
    let id: UUID
    let depot: DepotID
    let domain: PolicyDomain
    let revision: String
    let now: Date
    let input: any Encodable & Sendable
    let reasons: [String]
    let trace: String
    let instructions: Int
    let memoryBytes: Int
    let durationMicroseconds: Int
    let decidedBy: PolicyDecisionRecord.Source
    let error: String?

    func record(output: some Encodable) -> PolicyDecisionRecord {
        PolicyDecisionRecord(
            id: id, depot: depot, domain: domain, revision: revision, now: now, input: Self.json(input), output: Self.json(output),
            reasons: reasons, trace: trace, instructions: instructions, memoryBytes: memoryBytes,
            durationMicroseconds: durationMicroseconds, decidedBy: decidedBy, error: error)
    }

    /// Sorted keys, snake_case names (the names policies see), times as Unix seconds.
    static func json(_ value: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .secondsSince1970
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
