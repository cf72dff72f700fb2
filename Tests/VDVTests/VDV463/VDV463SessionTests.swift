import Foundation
import Synchronization
import Testing
import VDV

@Suite("VDV 463 session")
struct VDV463SessionTests {
    static let presystemId = "urn:depot-sued:bms-1"
    static let context = VDV463.ChargingRequestContext(chargingPointIds: ["P1"], availableChargingPointIds: ["P1"], vehicleIds: ["V1"])

    enum Event {
        case receive(VDV463.Message)
        case undecodable(VDV463.DecodeError)
        case tick
        case committed(String)
        case failed(String)
        case refusedByDepot(String, errorMessage: String)
    }

    /// One row of an event table: at `second` after boot, this event yields these actions.
    struct Step {
        let second: Double
        let event: Event
        let expected: [VDV463Session.Action]
        let line: Int

        init(_ second: Double, _ event: Event, _ expected: [VDV463Session.Action], line: Int = #line) {
            self.second = second
            self.event = event
            self.expected = expected
            self.line = line
        }
    }

    /// A session whose own messageIds are `pci-1`, `pci-2`, …
    static func makeSession(_ configuration: VDV463Session.Configuration = .init(presystemId: presystemId)) -> VDV463Session {
        let counter = Mutex(0)
        return VDV463Session(configuration: configuration, context: context) {
            counter.withLock { count in
                count += 1
                return "pci-\(count)"
            }
        }
    }

    static func run(_ steps: [Step], on session: inout VDV463Session) {
        for step in steps {
            let now = Instant.bootPlus(step.second)
            let actions: [VDV463Session.Action] =
                switch step.event {
                case .receive(let message): session.receive(message, at: now)
                case .undecodable(let error): session.receiveUndecodable(error, at: now)
                case .tick: session.tick(at: now)
                case .committed(let id): session.chargingRequestsCommitted(messageId: id, at: now)
                case .failed(let id): session.chargingRequestsFailed(messageId: id, at: now)
                case .refusedByDepot(let id, let text): session.chargingRequestsFailed(messageId: id, errorMessage: text, at: now)
                }
            #expect(actions == step.expected, "table line \(step.line)")
        }
    }

    // MARK: messages from the presystem and Busbar's answers

    static func fromPresystem(_ id: String, _ body: VDV463.Body, presystemId: String = presystemId) -> VDV463.Message {
        VDV463.Message(source: "BMS", presystemId: presystemId, timeStamp: Instant.boot, messageId: id, body: body)
    }

    static func boot(_ id: String = "b1", _ kind: VDV463.PresystemKind = .bms, presystemId: String = presystemId) -> VDV463.Message {
        fromPresystem(id, .bootNotification(.init(presystem: kind)), presystemId: presystemId)
    }

    static func requests(_ id: String, _ list: [VDV463.ChargingRequest]) -> VDV463.Message {
        fromPresystem(id, .chargingRequests(.init(chargingRequestList: list)))
    }

    static func confirmation(_ id: String) -> VDV463.Message {
        fromPresystem(id, .chargingInformationConfirmation)
    }

    static func reply(_ message: VDV463.Message, _ body: VDV463.Body, at second: Double) -> VDV463Session.Action {
        .send(message.reply(body, at: Instant.bootPlus(second)))
    }

    static func error(_ message: VDV463.Message, _ text: String, at second: Double) -> VDV463Session.Action {
        reply(message, .error(message.body.action, .init(errorMessage: text)), at: second)
    }

    static func accepted(_ message: VDV463.Message, at second: Double) -> VDV463Session.Action {
        reply(message, .bootNotificationConfirmation(.init(status: .accepted)), at: second)
    }

    static func rejected(_ message: VDV463.Message, at second: Double) -> VDV463Session.Action {
        reply(message, .bootNotificationConfirmation(.init(status: .rejected)), at: second)
    }

    static let closeRejected = VDV463Session.Action.close(code: 1008, reason: "BootNotification rejected")

    static func request(_ id: String, vehicle: String = "V1") -> VDV463.ChargingRequest {
        VDV463.ChargingRequest(chargingRequestId: id, vehicleId: vehicle, chargingRequestData: .init(minTargetSoc: 60, maxTargetSoc: 90))
    }

    // MARK: tables

    @Test func requestsBeforeBootAreRefusedThenBootOpensTheSession() {
        var session = Self.makeSession()
        let early = Self.requests("r0", [])
        let pciFromPresystem = Self.fromPresystem("x1", .chargingInformation(.init(depotInfoList: [])))
        Self.run(
            [
                Step(0, .tick, []),
                Step(0, .receive(early), [Self.error(early, "BootNotification required", at: 0)]),
                Step(0, .receive(pciFromPresystem), [Self.error(pciFromPresystem, "BootNotification required", at: 0)]),
                Step(1, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 1), .sendChargingInformation(messageId: "pci-1")]),
                Step(2, .receive(Self.boot("b2")), [Self.accepted(Self.boot("b2"), at: 2)]),
                Step(
                    3, .receive(pciFromPresystem),
                    [Self.error(pciFromPresystem, "ProvideChargingInformation is sent by the CMS, not by the presystem", at: 3)]
                ),
            ],
            on: &session
        )
        #expect(session.nextDeadline == Instant.bootPlus(16))
    }

    @Test(arguments: [
        ("unknown presystem kind", boot("b1", VDV463.PresystemKind(rawValue: "DMS")), VDV463Session.Configuration(presystemId: presystemId)),
        ("foreign presystemId", boot("b1", .itcs, presystemId: "urn:other"), VDV463Session.Configuration(presystemId: presystemId)),
        ("disabled presystem", boot("b1", .itcs), VDV463Session.Configuration(presystemId: presystemId, isEnabled: false)),
    ])
    func rejectedBootClosesAndSilencesTheSession(why: String, boot: VDV463.Message, configuration: VDV463Session.Configuration) {
        var session = Self.makeSession(configuration)
        Self.run(
            [
                Step(0, .receive(boot), [Self.rejected(boot, at: 0), Self.closeRejected]),
                Step(15, .tick, []),
                Step(16, .receive(Self.requests("r1", [])), []),
            ],
            on: &session
        )
        #expect(session.isClosed, "\(why)")
        #expect(session.nextDeadline == nil)
    }

    @Test func chargingInformationEvery15SecondsWithAtMostOneOutstanding() {
        var session = Self.makeSession()
        Self.run(
            [
                Step(0, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 0), .sendChargingInformation(messageId: "pci-1")]),
                Step(5, .tick, []),
                Step(6, .receive(Self.confirmation("pci-1")), []),
                Step(15, .tick, [.sendChargingInformation(messageId: "pci-2")]),
                Step(30, .tick, []),
                Step(45, .tick, []),
                Step(50, .receive(Self.confirmation("pci-2")), []),
                Step(60, .tick, [.sendChargingInformation(messageId: "pci-3")]),
                Step(61, .receive(Self.confirmation("pci-3")), []),
                Step(100, .tick, [.sendChargingInformation(messageId: "pci-4")]),
            ],
            on: &session
        )
        #expect(session.nextDeadline == Instant.bootPlus(105))
    }

    @Test func sixtySecondsWithoutConfirmationCloses1001() {
        var session = Self.makeSession()
        Self.run(
            [
                Step(0, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 0), .sendChargingInformation(messageId: "pci-1")]),
                Step(15, .tick, []),
                Step(30, .tick, []),
                Step(45, .tick, []),
                Step(59.9, .tick, []),
                Step(60, .tick, [.close(code: 1001, reason: "ProvideChargingInformation unconfirmed for 60.0 seconds")]),
                Step(61, .receive(Self.confirmation("pci-1")), []),
                Step(75, .tick, []),
            ],
            on: &session
        )
        #expect(session.isClosed)
    }

    @Test func confirmationCorrelation() {
        var session = Self.makeSession()
        let refusal = Self.fromPresystem("pci-3", .error(.provideChargingInformation, .init(errorMessage: "unknown depot")))
        Self.run(
            [
                Step(0, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 0), .sendChargingInformation(messageId: "pci-1")]),
                Step(1, .receive(Self.confirmation("fresh-uuid")), [.log(.mismatchedConfirmation(expected: "pci-1", received: "fresh-uuid"))]),
                Step(
                    2, .receive(Self.confirmation("pci-1")),
                    [.log(.unexpectedConfirmation(action: .provideChargingInformation, messageId: "pci-1"))]
                ),
                Step(15, .tick, [.sendChargingInformation(messageId: "pci-2")]),
                Step(16, .receive(Self.confirmation("pci-2")), []),
                Step(30, .tick, [.sendChargingInformation(messageId: "pci-3")]),
                Step(31, .receive(refusal), [.log(.refusedByPresystem(messageId: "pci-3", errorMessage: "unknown depot"))]),
                Step(45, .tick, [.sendChargingInformation(messageId: "pci-4")]),
                Step(
                    46, .receive(Self.fromPresystem("x", .bootNotificationConfirmation(.init(status: .accepted)))),
                    [.log(.unexpectedConfirmation(action: .bootNotification, messageId: "x"))]
                ),
            ],
            on: &session
        )
    }

    @Test func chargingRequestsAreConfirmedOnlyAfterTheCommit() throws {
        var session = Self.makeSession()
        let first = Self.requests("r1", [Self.request("A"), Self.request("B", vehicle: "V9")])
        let second = Self.requests("r2", [Self.request("C")])
        let third = Self.requests("r3", [])
        let firstDiff = try VDV463.ChargingRequestDiff(
            presystemId: Self.presystemId,
            stored: [],
            incoming: [Self.request("A"), Self.request("B", vehicle: "V9")],
            context: Self.context,
            now: Instant.bootPlus(2)
        )
        let afterFirst = [Self.request("A")]
        let secondDiff = try VDV463.ChargingRequestDiff(
            presystemId: Self.presystemId,
            stored: afterFirst,
            incoming: [Self.request("C")],
            context: Self.context,
            now: Instant.bootPlus(4)
        )
        let thirdDiff = try VDV463.ChargingRequestDiff(
            presystemId: Self.presystemId,
            stored: afterFirst,
            incoming: [],
            context: Self.context,
            now: Instant.bootPlus(5)
        )
        Self.run(
            [
                Step(0, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 0), .sendChargingInformation(messageId: "pci-1")]),
                Step(2, .receive(first), [.persistChargingRequests(messageId: "r1", diff: firstDiff)]),
                Step(3, .receive(second), []),
                Step(3, .committed("r2"), []),
                Step(
                    4, .committed("r1"),
                    [Self.reply(first, .chargingRequestsConfirmation, at: 4), .persistChargingRequests(messageId: "r2", diff: secondDiff)]
                ),
                Step(4.5, .receive(third), []),
                Step(
                    5, .failed("r2"),
                    [
                        Self.error(second, "charging requests could not be stored; send them again", at: 5),
                        .persistChargingRequests(messageId: "r3", diff: thirdDiff),
                    ]
                ),
            ],
            on: &session
        )
        #expect(session.requests == afterFirst)
        #expect(session.rejections == [.init(presystemId: Self.presystemId, chargingRequestId: "B", reason: "unknown vehicleId")])
        Self.run([Step(6, .committed("r3"), [Self.reply(third, .chargingRequestsConfirmation, at: 6)])], on: &session)
        #expect(session.requests.isEmpty)
        #expect(session.rejections.isEmpty)
    }

    /// The depot refuses a list as a whole (a vehicle it cannot plan): the error names the reason and nothing changes.
    @Test func aListTheDepotRefusesIsAnsweredWithItsReason() throws {
        var session = Self.makeSession()
        let list = Self.requests("r1", [Self.request("A")])
        let diff = try VDV463.ChargingRequestDiff(
            presystemId: Self.presystemId, stored: [], incoming: [Self.request("A")], context: Self.context, now: Instant.bootPlus(1))
        Self.run(
            [
                Step(0, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 0), .sendChargingInformation(messageId: "pci-1")]),
                Step(1, .receive(list), [.persistChargingRequests(messageId: "r1", diff: diff)]),
                Step(2, .refusedByDepot("r1", errorMessage: "A: no departure"), [Self.error(list, "A: no departure", at: 2)]),
            ],
            on: &session
        )
        #expect(session.requests.isEmpty)
    }

    @Test func wholeListErrorsAreAnsweredAtOnceAndApplyNothing() {
        var session = Self.makeSession()
        let duplicate = Self.requests("r1", [Self.request("A"), Self.request("A")])
        let foreign = Self.fromPresystem("r2", .chargingRequests(.init(chargingRequestList: [])), presystemId: "urn:other")
        Self.run(
            [
                Step(0, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 0), .sendChargingInformation(messageId: "pci-1")]),
                Step(1, .receive(duplicate), [Self.error(duplicate, "duplicate chargingRequestId A in chargingRequestList", at: 1)]),
                Step(2, .receive(foreign), [Self.error(foreign, "presystemId urn:other is not the authenticated presystem", at: 2)]),
            ],
            on: &session
        )
        #expect(session.requests.isEmpty)
    }

    @Test func undecodableFramesAreAnsweredWhenPossibleElseDropped() {
        var session = Self.makeSession()
        let answerable = VDV463.DecodeError(
            .badPayload("presystem: required field missing"), messageId: "m1", messageType: .request, action: .bootNotification)
        let anonymous = VDV463.DecodeError(.wrongLength(3))
        let confirmation = VDV463.DecodeError(.badTimestamp("x"), messageId: "m2", messageType: .confirmation, action: .provideChargingInformation)
        let errorBody = VDV463.Body.error(.bootNotification, .init(errorMessage: "invalid payload: presystem: required field missing"))
        Self.run(
            [
                Step(
                    0, .undecodable(answerable),
                    [.send(.fromBusbar(presystemId: Self.presystemId, timeStamp: Instant.boot, messageId: "m1", body: errorBody))]
                ),
                Step(1, .undecodable(anonymous), [.log(.dropped(anonymous))]),
                Step(2, .undecodable(confirmation), [.log(.dropped(confirmation))]),
            ],
            on: &session
        )
    }

    @Test func aConfigurableCadence() {
        var session = Self.makeSession(
            .init(presystemId: Self.presystemId, chargingInformationInterval: .seconds(5), confirmationTimeout: .seconds(12)))
        Self.run(
            [
                Step(0, .receive(Self.boot()), [Self.accepted(Self.boot(), at: 0), .sendChargingInformation(messageId: "pci-1")]),
                Step(1, .receive(Self.confirmation("pci-1")), []),
                Step(5, .tick, [.sendChargingInformation(messageId: "pci-2")]),
                Step(10, .tick, []),
                Step(17, .tick, [.close(code: 1001, reason: "ProvideChargingInformation unconfirmed for 12.0 seconds")]),
            ],
            on: &session
        )
    }

    /// A list that fails the schemas never reaches the diff: the decoder's error becomes an error (3)
    /// for the whole message and nothing is persisted (docs/vdv.md A5).
    @Test func aListFailingTheSchemasIsRefusedWhole() throws {
        var session = Self.makeSession()
        _ = session.receive(Self.boot(), at: Instant.boot)
        let data = try Fixtures.data("decode/invalid", "ProvideChargingRequests.soc-out-of-range.json")
        let actions = session.receive(frame: data, at: Instant.bootPlus(1))
        let errorMessage = "invalid payload: chargingRequestList[0].chargingRequestData.maxTargetSoc: 150.0 is outside 0…100"
        let body = VDV463.Body.error(.provideChargingRequests, .init(errorMessage: errorMessage))
        let reply = VDV463.Message.fromBusbar(
            presystemId: Self.presystemId,
            timeStamp: Instant.bootPlus(1),
            messageId: "d2c4e6f8-1a3b-4c5d-8e7f-90a1b2c3d4ea",
            body: body
        )
        #expect(actions == [.send(reply)])
        #expect(session.requests.isEmpty)
    }

    @Test func busbarsOwnMessageIdsAreLowercaseUUIDs() throws {
        var session = VDV463Session(configuration: .init(presystemId: Self.presystemId), context: Self.context)
        let actions = session.receive(Self.boot(), at: Instant.boot)
        guard case .sendChargingInformation(let messageId)? = actions.last else {
            Issue.record("expected a ProvideChargingInformation, got \(actions)")
            return
        }
        let uuid = try #require(UUID(uuidString: messageId))
        #expect(messageId == uuid.uuidString.lowercased())
    }

    @Test func theIntervalIsAtLeastOneSecond() {
        #expect(
            VDV463Session.Configuration(presystemId: Self.presystemId, chargingInformationInterval: .zero).chargingInformationInterval == .seconds(1))
    }

    /// The adapter's whole path: frames in, actions out, Busbar's PCI built by the session.
    @Test func framesInActionsOut() throws {
        var session = Self.makeSession()
        let boot = try Fixtures.data("decode/v2", "BootNotification.request.json")
        let actions = session.receive(frame: boot, at: Instant.boot)
        let bootMessage = try VDV463.Message.decode(boot)
        #expect(actions == [Self.accepted(bootMessage, at: 0), .sendChargingInformation(messageId: "pci-1")])
        let pci = session.chargingInformation(messageId: "pci-1", payload: .init(depotInfoList: []), at: Instant.boot)
        #expect(pci.presystemId == Self.presystemId && pci.source == "CMS" && pci.body.messageType == .request)
        #expect(session.receive(frame: Data("not json".utf8), at: Instant.boot) == [.log(.dropped(VDV463.DecodeError(.notJSON)))])
    }
}
