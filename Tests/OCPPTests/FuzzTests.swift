import Foundation
import OCPP
import Testing

/// docs/reliability.md F1, in-process: mutated frames never crash the decoder, and every one ends in
/// exactly one decision: a CALL for the handler, a CALLERROR (CALLs only), or a silent drop.
@Suite("Mutation fuzz")
struct FuzzTests {
    static let framesPerVersion = 100_000

    /// The golden fixtures as frames: requests as CALLs, responses as CALLRESULTs.
    static func seeds(_ version: OCPPVersion) throws -> [[UInt8]] {
        try Fixture.all().filter { $0.version == version && $0.expectedError == nil }.map { fixture in
            let payload = try fixture.payload()
            let frame: OCPPFrame =
                fixture.isResponse
                ? .callResult(messageId: "0c6f1d9e-5a3b-4f2e-8d7c-1b2a3c4d5e6f", payload: payload)
                : .call(messageId: "0c6f1d9e-5a3b-4f2e-8d7c-1b2a3c4d5e6f", action: fixture.action, payload: payload)
            return Array(frame.text.utf8)
        }
    }

    @Test("100 000 mutated frames per version", arguments: [(OCPPVersion.v16, UInt64(16)), (.v201, 201)])
    func mutatedFrames(version: OCPPVersion, seed: UInt64) throws {
        let seeds = try Self.seeds(version)
        let seedActions = Fixture.all().filter { $0.version == version && $0.expectedError == nil }.map(\.action)
        try #require(!seeds.isEmpty)
        var mutator = try FrameMutator(seeds: seeds, random: SplitMix64(seed: seed))
        var decisions: [String: Int] = [:]
        for round in 0..<Self.framesPerVersion {
            let frame = mutator.mutate(seed: round)
            var session = OCPPSession(version: version, bootState: .accepted)
            let actions = session.receive(bytes: frame, at: .now)
            let decision = Self.decision(actions)
            if case .frame(.callResult(_, let payload)) = OCPPFrame.decode(frame) {
                // Replies are decoded against the action of the CALL they answer; that must not crash either.
                _ = try? OutgoingCallResult.decode(action: seedActions[round % seedActions.count], payload: payload, version: version)
            }
            decisions[decision, default: 0] += 1
            if decision == "invalid" {
                Issue.record("no single decision for \(String(decoding: frame, as: UTF8.self).prefix(200)): \(actions)")
                return
            }
        }
        #expect(decisions["handle", default: 0] > 0)
        #expect(decisions["callError", default: 0] > 0)
        #expect(decisions["drop", default: 0] > 0)
    }

    /// Names the outcome of one frame, or "invalid" when the actions are not exactly one decision.
    static func decision(_ actions: [SessionAction]) -> String {
        switch actions.count {
        case 1:
            switch actions[0] {
            case .handle: return "handle"
            case .dropped, .ignoredReply: return "drop"
            default: return "invalid"
            }
        case 2:
            guard case .refused = actions[0], case .send(let frame) = actions[1], case .callError(let id, _, let text, _) = frame,
                id.count <= OCPPFrame.maximumMessageIdLength, text.count <= OCPPFrame.maximumErrorDescriptionLength,
                (try? JSONParser.parse(frame.text)) != nil
            else { return "invalid" }
            return "callError"
        default:
            return "invalid"
        }
    }
}
