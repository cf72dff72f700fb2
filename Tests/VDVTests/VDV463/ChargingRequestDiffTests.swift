import Foundation
import Testing
import VDV

@Suite("VDV 463 charging request diff")
struct ChargingRequestDiffTests {
    static let context = VDV463.ChargingRequestContext(
        chargingPointIds: ["P1", "P2", "P3"],
        availableChargingPointIds: ["P1", "P2"],
        vehicleIds: ["V1", "V2", "V3"]
    )
    static let now = Instant.evening

    static func request(
        _ id: String,
        vehicle: String = "V1",
        point: String? = "P1",
        min: Double = 50,
        max: Double = 90,
        arrivalIn arrival: Double? = nil,
        departureIn departure: Double? = 3600,
        instruction: VDV463.ChargingInstruction? = nil
    ) -> VDV463.ChargingRequest {
        VDV463.ChargingRequest(
            chargingRequestId: id,
            vehicleId: vehicle,
            chargingPointId: point,
            chargingRequestData: VDV463.ChargingRequestData(
                minTargetSoc: min,
                maxTargetSoc: max,
                expectedArrivalTimeAtChargingPoint: arrival.map(now.addingTimeInterval),
                requestedTimeForDeparture: departure.map(now.addingTimeInterval)
            ),
            chargingInstruction: instruction
        )
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let stored: [VDV463.ChargingRequest]
        let incoming: [VDV463.ChargingRequest]
        let creates: [String]
        let updates: [String]
        let deletes: [String]
        let rejections: [String: VDV463.RefusalReason]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "first list creates", stored: [], incoming: [request("A"), request("B")], creates: ["A", "B"], updates: [], deletes: [],
            rejections: [:]),
        Case(
            name: "same list changes nothing", stored: [request("A")], incoming: [request("A")], creates: [], updates: [], deletes: [],
            rejections: [:]),
        Case(
            name: "changed value updates", stored: [request("A")], incoming: [request("A", max: 95)], creates: [], updates: ["A"], deletes: [],
            rejections: [:]),
        Case(
            name: "absent id deletes", stored: [request("A"), request("B")], incoming: [request("B")], creates: [], updates: [], deletes: ["A"],
            rejections: [:]),
        Case(
            name: "empty list cancels all", stored: [request("A"), request("B")], incoming: [], creates: [], updates: [], deletes: ["A", "B"],
            rejections: [:]),
        Case(
            name: "1.0 Terminate deletes",
            stored: [request("A"), request("B")],
            incoming: [request("A", instruction: .terminate), request("B", instruction: .normal)],
            creates: [], updates: [], deletes: ["A"], rejections: [:]
        ),
        Case(
            name: "Terminate of an unknown id does nothing", stored: [], incoming: [request("A", instruction: .terminate)], creates: [], updates: [],
            deletes: [], rejections: [:]),
        Case(
            name: "Changed alone is no change", stored: [request("A")], incoming: [request("A", instruction: .changed)], creates: [], updates: [],
            deletes: [], rejections: [:]),
        Case(
            name: "no point lets Busbar choose", stored: [], incoming: [request("A", point: nil)], creates: ["A"], updates: [], deletes: [],
            rejections: [:]),
        Case(
            name: "unknown point", stored: [], incoming: [request("A", point: "P9")], creates: [], updates: [], deletes: [],
            rejections: ["A": .unknownChargingPoint]),
        Case(
            name: "point of another tenant", stored: [], incoming: [request("A", point: "P3")], creates: [], updates: [], deletes: [],
            rejections: ["A": .pointNotAvailable]),
        Case(
            name: "unknown vehicle", stored: [], incoming: [request("A", vehicle: "V9")], creates: [], updates: [], deletes: [],
            rejections: ["A": .unknownVehicle]),
        Case(
            name: "min above max", stored: [], incoming: [request("A", min: 91, max: 90)], creates: [], updates: [], deletes: [],
            rejections: ["A": .minAboveMax]),
        Case(
            name: "min equal to max", stored: [], incoming: [request("A", min: 90, max: 90)], creates: ["A"], updates: [], deletes: [],
            rejections: [:]),
        Case(
            name: "departure before arrival",
            stored: [], incoming: [request("A", arrivalIn: 7200, departureIn: 3600)],
            creates: [], updates: [], deletes: [], rejections: ["A": .departureBeforeArrival]
        ),
        Case(
            name: "departure in the past", stored: [], incoming: [request("A", departureIn: -1)], creates: [], updates: [], deletes: [],
            rejections: ["A": .departureInThePast]),
        Case(
            name: "departure now is not past", stored: [], incoming: [request("A", departureIn: 0)], creates: ["A"], updates: [], deletes: [],
            rejections: [:]),
        Case(
            name: "no departure is fine", stored: [], incoming: [request("A", departureIn: nil)], creates: ["A"], updates: [], deletes: [],
            rejections: [:]),
        Case(
            name: "refusing an update deletes the stored version",
            stored: [request("A")], incoming: [request("A", vehicle: "V9")],
            creates: [], updates: [], deletes: ["A"], rejections: ["A": .unknownVehicle]
        ),
        Case(
            name: "the rest is applied around a refusal",
            stored: [request("A"), request("C")], incoming: [request("A", max: 80), request("B", point: "P9"), request("D", vehicle: "V2")],
            creates: ["D"], updates: ["A"], deletes: ["C"], rejections: ["B": .unknownChargingPoint]
        ),
    ]

    @Test(arguments: cases)
    func diff(_ row: Case) throws {
        let diff = try VDV463.ChargingRequestDiff(
            presystemId: "BMS-1", stored: row.stored, incoming: row.incoming, context: Self.context, now: Self.now)
        #expect(diff.creates.map(\.chargingRequestId) == row.creates)
        #expect(diff.updates.map(\.chargingRequestId) == row.updates)
        #expect(diff.deletes == row.deletes)
        #expect(Dictionary(uniqueKeysWithValues: diff.rejections.map { ($0.chargingRequestId, $0.reason) }) == row.rejections.mapValues(\.rawValue))
        #expect(diff.rejections.allSatisfy { $0.presystemId == "BMS-1" })
        #expect(diff.resulting.allSatisfy { $0.chargingInstruction == nil })
    }

    @Test func duplicateIdsRefuseTheWholeList() {
        #expect(throws: VDV463.ChargingRequestsError.duplicateChargingRequestId("A")) {
            try VDV463.ChargingRequestDiff(
                presystemId: "BMS-1",
                stored: [Self.request("B")],
                incoming: [Self.request("A"), Self.request("B"), Self.request("A", max: 80)],
                context: Self.context,
                now: Self.now
            )
        }
    }

    /// docs/vdv.md "Tests": over random list sequences, applying each diff to the stored state gives
    /// exactly the last list minus terminated and refused requests, and a list resent after a crash
    /// between commit and confirmation converges (changes nothing).
    @Test func storedStateAlwaysEqualsTheLastListMinusRefusals() throws {
        var generator = SplitMix64(seed: 261_463)
        var stored: [String: VDV463.ChargingRequest] = [:]
        for _ in 0..<500 {
            let ids = ["A", "B", "C", "D", "E", "F"].filter { _ in Bool.random(using: &generator) }
            let incoming = ids.map { id in
                Self.request(
                    id,
                    vehicle: ["V1", "V2", "V9"].randomElement(using: &generator)!,
                    point: [nil, "P1", "P2", "P3", "P9"].randomElement(using: &generator)!,
                    min: Double(Int.random(in: 40...60, using: &generator)),
                    max: Double(Int.random(in: 55...100, using: &generator)),
                    departureIn: Double(Int.random(in: -600...7200, using: &generator)),
                    instruction: [nil, .normal, .changed, .terminate].randomElement(using: &generator)!
                )
            }
            let diff = try VDV463.ChargingRequestDiff(
                presystemId: "BMS-1",
                stored: Array(stored.values).sorted { $0.chargingRequestId < $1.chargingRequestId },
                incoming: incoming,
                context: Self.context,
                now: Self.now
            )
            for id in diff.deletes { stored[id] = nil }
            for request in diff.creates + diff.updates { stored[request.chargingRequestId] = request }
            let refused = Set(diff.rejections.map(\.chargingRequestId))
            let expected = incoming.filter { $0.chargingInstruction != .terminate && !refused.contains($0.chargingRequestId) }
            #expect(Set(stored.keys) == Set(expected.map(\.chargingRequestId)))
            #expect(Set(stored.keys) == Set(diff.resulting.map(\.chargingRequestId)))
            for request in diff.resulting { #expect(stored[request.chargingRequestId] == request) }
            // A crash after the commit, before the confirmation: the resent list changes nothing.
            let resent = try VDV463.ChargingRequestDiff(
                presystemId: "BMS-1",
                stored: diff.resulting,
                incoming: incoming,
                context: Self.context,
                now: Self.now
            )
            #expect(resent.creates.isEmpty && resent.updates.isEmpty && resent.deletes.isEmpty)
            #expect(resent.rejections == diff.rejections && resent.resulting == diff.resulting)
        }
    }
}
