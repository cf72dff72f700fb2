public import DepotModel
public import Foundation
public import GRDB

/// One row of `policy_decision`: a `PolicyDecisionRecord` with its lists as JSON text. Rows are
/// only inserted and pruned (retention), never updated.
public struct PolicyDecisionRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "policy_decision"

    public var id: String
    public var depotID: String
    public var domain: PolicyDomain
    public var revision: String
    public var now: Date
    public var input: String
    public var output: String
    /// The reason strings, as a JSON array.
    public var reasons: String
    public var trace: String
    public var instructions: Int
    public var memoryBytes: Int
    public var durationMicroseconds: Int
    public var decidedBy: PolicyDecisionRecord.Source
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case id
        case depotID = "depot_id"
        case domain, revision, now, input, output, reasons, trace, instructions
        case memoryBytes = "memory_bytes"
        case durationMicroseconds = "duration_us"
        case decidedBy = "decided_by"
        case error
    }

    /// The row for a record (reasons encoded as a JSON array).
    public init(_ record: PolicyDecisionRecord) throws {
        id = record.id.uuidString
        depotID = record.depot.rawValue
        domain = record.domain
        revision = record.revision
        now = record.now
        input = record.input
        output = record.output
        reasons = String(decoding: try JSONEncoder().encode(record.reasons), as: UTF8.self)
        trace = record.trace
        instructions = record.instructions
        memoryBytes = record.memoryBytes
        durationMicroseconds = record.durationMicroseconds
        decidedBy = record.decidedBy
        error = record.error
    }

    /// The domain value back, for the API and `busbar policy replay`.
    public func record() throws -> PolicyDecisionRecord {
        PolicyDecisionRecord(
            id: UUID(uuidString: id) ?? UUID(), depot: DepotID(depotID), domain: domain, revision: revision, now: now, input: input,
            output: output, reasons: try JSONDecoder().decode([String].self, from: Data(reasons.utf8)), trace: trace,
            instructions: instructions, memoryBytes: memoryBytes, durationMicroseconds: durationMicroseconds, decidedBy: decidedBy,
            error: error)
    }
}
