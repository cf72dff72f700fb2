import Foundation
import OCPP
import Testing

/// ``OCPPSession`` driven by event tables: each step feeds one event and lists the actions it
/// must return, in order.
@Suite("Session state machine")
struct SessionTests {
    enum Event {
        case receive(String)
        case enqueue(CommandRequest)
        case respond(String, IncomingCallResult)
        case fail(String, OCPPError)
        case advance(seconds: Int)
    }

    static let start = ContinuousClock.now
    static let noon = Date(timeIntervalSince1970: 1_795_539_600)

    /// Feeds the events in order; returns the actions of every step.
    static func run(_ session: inout OCPPSession, _ events: [Event]) -> [[SessionAction]] {
        var now = start
        var steps: [[SessionAction]] = []
        for event in events {
            switch event {
            case .receive(let text): steps.append(session.receive(text, at: now))
            case .enqueue(let request): steps.append(session.enqueue(request, at: now))
            case .respond(let id, let result): steps.append(session.respond(to: id, with: result))
            case .fail(let id, let error): steps.append(session.fail(id, error: error))
            case .advance(let seconds):
                now = now + .seconds(seconds)
                steps.append(session.expire(at: now))
            }
        }
        return steps
    }

    static func reset(_ id: String) -> CommandRequest {
        CommandRequest(messageId: id, call: .v16(.reset(V16.ResetRequest(type: .soft))))
    }

    static func profile(
        _ id: String, connector: Int, watts: Double, purpose: V16.ChargingProfile.ChargingProfilePurpose = .txProfile
    ) -> CommandRequest {
        let schedule = V16.ChargingSchedule(chargingRateUnit: .w, chargingSchedulePeriod: [V16.ChargingSchedulePeriod(startPeriod: 0, limit: watts)])
        let profile = V16.ChargingProfile(
            chargingProfileId: 1_000_000 + 10 * connector,
            stackLevel: 0,
            chargingProfilePurpose: purpose,
            chargingProfileKind: .absolute,
            chargingSchedule: schedule
        )
        return CommandRequest(
            messageId: id, call: .v16(.setChargingProfile(V16.SetChargingProfileRequest(connectorId: connector, csChargingProfiles: profile))))
    }

    static func sent(_ request: CommandRequest) -> SessionAction {
        .send(.call(messageId: request.messageId, action: request.call.action, payload: try! request.call.payload()))
    }

    static let resetAccepted = SessionAction.deliver(
        messageId: "r1", action: "Reset", outcome: .result(.v16(.reset(V16.ResetResponse(status: .accepted)))))

    @Test func bootGateOpensOnAcceptedBootNotification() throws {
        var session = OCPPSession(version: .v16, bootState: .unknown)
        let boot = #"[2,"b1","BootNotification",{"chargePointVendor":"K","chargePointModel":"S"}]"#
        let accepted = IncomingCallResult.v16(
            .bootNotification(V16.BootNotificationResponse(status: .accepted, currentTime: Self.noon, interval: 300)))
        let steps = Self.run(
            &session,
            [
                .receive(#"[2,"h1","Heartbeat",{}]"#),
                .receive(boot),
                .respond("b1", accepted),
                .receive(#"[2,"h2","Heartbeat",{}]"#),
            ])
        let securityError = OCPPFrame.callError(
            messageId: "h1", errorCode: "SecurityError", errorDescription: "station not accepted", errorDetails: .object([:]))
        #expect(steps[0].last == .send(securityError))
        let bootCall = V16.BootNotificationRequest(chargePointVendor: "K", chargePointModel: "S")
        #expect(steps[1] == [.handle(messageId: "b1", call: .v16(.bootNotification(bootCall)), usedQuirks: [])])
        #expect(steps[2] == [.send(.callResult(messageId: "b1", payload: try accepted.payload())), .bootStateChanged(.accepted)])
        #expect(steps[3] == [.handle(messageId: "h2", call: .v16(.heartbeat(V16.HeartbeatRequest())), usedQuirks: [])])
        #expect(session.bootState == .accepted)
    }

    @Test(
        "persisted boot state decides without a new BootNotification",
        arguments: [
            (BootState.accepted, true), (.pending, false), (.rejected, false), (.unknown, false),
        ])
    func persistedBootState(state: BootState, served: Bool) {
        var session = OCPPSession(version: .v201, bootState: state)
        let actions = session.receive(#"[2,"h1","Heartbeat",{}]"#, at: Self.start)
        if case .handle? = actions.first {
            #expect(served)
        } else {
            #expect(!served)
        }
    }

    @Test func oneOutboundCallInFlight() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        let first = Self.reset("r1")
        let second = Self.reset("r2")
        let steps = Self.run(&session, [.enqueue(first), .enqueue(second), .receive(#"[3,"r1",{"status":"Accepted"}]"#)])
        #expect(steps[0] == [Self.sent(first)])
        #expect(steps[1] == [])
        #expect(steps[2] == [Self.resetAccepted, Self.sent(second)])
        #expect(session.inFlightMessageId == "r2")
    }

    @Test func timeoutFreesTheSlotAndLateRepliesAreDropped() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        let second = Self.reset("r2")
        let steps = Self.run(
            &session,
            [
                .enqueue(Self.reset("r1")), .enqueue(second),
                .advance(seconds: 29), .advance(seconds: 1),
                .receive(#"[3,"r1",{"status":"Accepted"}]"#),
                .receive(#"[4,"zz","InternalError","x",{}]"#),
            ])
        #expect(steps[2] == [])
        #expect(steps[3] == [.outcomeUnknown(messageId: "r1", action: "Reset"), Self.sent(second)])
        #expect(steps[4] == [.ignoredReply(messageId: "r1", late: true)])
        #expect(steps[5] == [.ignoredReply(messageId: "zz", late: false)])
        #expect(session.inFlightMessageId == "r2")
    }

    @Test func repliesAreMatchedByMessageIdOnly() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        let steps = Self.run(
            &session,
            [
                .enqueue(Self.reset("r1")), .enqueue(Self.reset("r2")),
                .receive(#"[3,"r2",{"status":"Accepted"}]"#),
                .receive(#"[4,"r1","NotSupported","no reset here",{}]"#),
            ])
        #expect(steps[2] == [.ignoredReply(messageId: "r2", late: false)])
        #expect(
            steps[3].first
                == .deliver(
                    messageId: "r1", action: "Reset", outcome: .error(code: .notSupported, rawCode: "NotSupported", description: "no reset here")))
    }

    @Test func invalidCallResultIsDeliveredAsUnknownEffect() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        let steps = Self.run(&session, [.enqueue(Self.reset("r1")), .receive(#"[3,"r1",{"status":"Maybe"}]"#)])
        guard case .deliver(_, _, .invalidResult(let error))? = steps[1].first else {
            Issue.record("expected an invalid result, got \(steps[1])")
            return
        }
        #expect(error.reason == .propertyConstraint)
    }

    @Test func queuedProfilesCoalesceAndDecreasesJumpTheQueue() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        let steps = Self.run(
            &session,
            [
                .enqueue(Self.reset("r1")),
                .enqueue(Self.reset("r2")),
                .enqueue(Self.profile("p1", connector: 1, watts: 100_000)),
                .enqueue(Self.profile("p2", connector: 2, watts: 80_000)),
                .enqueue(Self.profile("p3", connector: 1, watts: 120_000)),
                .enqueue(Self.profile("p4", connector: 1, watts: 50_000)),
                .enqueue(Self.profile("p5", connector: 1, watts: 90_000, purpose: .txDefaultProfile)),
            ])
        #expect(steps[4] == [.superseded(messageId: "p1")])
        #expect(steps[5] == [.superseded(messageId: "p3")])
        #expect(steps[6] == [])
        #expect(session.queuedCommands.map(\.messageId) == ["p4", "r2", "p2", "p5"])
    }

    @Test func aDecreaseAgainstTheLastSentLimitJumpsTheQueue() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        _ = Self.run(
            &session,
            [
                .enqueue(Self.profile("p1", connector: 1, watts: 100_000)),
                .receive(#"[3,"p1",{"status":"Accepted"}]"#),
                .enqueue(Self.reset("r1")),
                .enqueue(Self.reset("r2")),
                .enqueue(Self.profile("p2", connector: 1, watts: 110_000)),
                .enqueue(Self.profile("p3", connector: 2, watts: 10_000)),
                .enqueue(Self.profile("p4", connector: 1, watts: 40_000)),
            ])
        #expect(session.queuedCommands.map(\.messageId) == ["p4", "r2", "p3"])
    }

    @Test func inboundCallsAreServedOneAtATime() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        let heartbeat = IncomingCallResult.v16(.heartbeat(V16.HeartbeatResponse(currentTime: Self.noon)))
        let steps = Self.run(
            &session,
            [
                .receive(#"[2,"h1","Heartbeat",{}]"#),
                .receive(#"[2,"h2","Heartbeat",{}]"#),
                .receive(#"[2,"h3","Heartbeat",{"bad":1}]"#),
                .respond("h1", heartbeat),
                .fail("h2", OCPPError(.internalFailure, "storage")),
            ])
        let call = IncomingCall.v16(.heartbeat(V16.HeartbeatRequest()))
        #expect(steps[0] == [.handle(messageId: "h1", call: call, usedQuirks: [])])
        #expect(steps[1] == [])
        #expect(steps[2] == [])
        #expect(
            steps[3] == [
                .send(.callResult(messageId: "h1", payload: try! heartbeat.payload())), .handle(messageId: "h2", call: call, usedQuirks: []),
            ])
        #expect(steps[4].count == 4)
        #expect(
            steps[4][1] == .send(.callError(messageId: "h2", errorCode: "InternalError", errorDescription: "storage", errorDetails: .object([:]))))
        #expect(
            steps[4][3]
                == .send(
                    .callError(
                        messageId: "h3", errorCode: "FormationViolation", errorDescription: "bad: property not allowed", errorDetails: .object([:]))))
    }

    @Test func directionsAreIndependent() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        let steps = Self.run(&session, [.enqueue(Self.reset("r1")), .receive(#"[2,"h1","Heartbeat",{}]"#)])
        #expect(steps[1] == [.handle(messageId: "h1", call: .v16(.heartbeat(V16.HeartbeatRequest())), usedQuirks: [])])
        #expect(session.inFlightMessageId == "r1")
    }

    @Test func replyToAnUnknownInboundCallIsIgnored() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        #expect(session.respond(to: "nope", with: .v16(.heartbeat(V16.HeartbeatResponse(currentTime: Self.noon)))) == [])
    }

    @Test func closeHandsOverUnsentCommands() {
        var session = OCPPSession(version: .v16, bootState: .accepted)
        _ = Self.run(&session, [.enqueue(Self.reset("r1")), .enqueue(Self.reset("r2"))])
        let (unanswered, unsent) = session.close()
        #expect(unanswered?.messageId == "r1")
        #expect(unsent.map(\.messageId) == ["r2"])
        #expect(session.inFlightMessageId == nil)
    }

    @Test func quirksInUseAreReported() {
        var session = OCPPSession(version: .v16, bootState: .accepted, quirks: [.numericStrings])
        let actions = session.receive(
            #"[2,"s1","StatusNotification",{"connectorId":"1","errorCode":"NoError","status":"Available"}]"#, at: Self.start)
        guard case .handle(_, _, let used)? = actions.first else {
            Issue.record("not handled: \(actions)")
            return
        }
        #expect(used == .numericStrings)
    }
}

@Suite("Session state machine, OCPP 2.0.1")
struct Session201Tests {
    static func profile(_ id: String, evse: Int, amperes: Double) -> CommandRequest {
        let schedule = V201.ChargingSchedule(
            id: 1, chargingRateUnit: .a, chargingSchedulePeriod: [V201.ChargingSchedulePeriod(startPeriod: 0, limit: amperes)])
        let profile = V201.ChargingProfile(
            id: 1_000_003 + 10 * evse,
            stackLevel: 0,
            chargingProfilePurpose: .txProfile,
            chargingProfileKind: .absolute,
            chargingSchedule: [schedule],
            transactionId: "tx-\(evse)"
        )
        return CommandRequest(messageId: id, call: .v201(.setChargingProfile(V201.SetChargingProfileRequest(evseId: evse, chargingProfile: profile))))
    }

    @Test func profilesCoalescePerEVSEAndPurpose() {
        var session = OCPPSession(version: .v201, bootState: .accepted)
        let now = ContinuousClock.now
        let clearCache = CommandRequest(messageId: "c1", call: .v201(.clearCache(V201.ClearCacheRequest())))
        _ = session.enqueue(clearCache, at: now)
        _ = session.enqueue(Self.profile("p1", evse: 1, amperes: 32), at: now)
        _ = session.enqueue(Self.profile("p2", evse: 2, amperes: 32), at: now)
        #expect(session.enqueue(Self.profile("p3", evse: 1, amperes: 16), at: now) == [.superseded(messageId: "p1")])
        #expect(session.queuedCommands.map(\.messageId) == ["p3", "p2"])
        #expect(session.inFlightMessageId == "c1")
    }

    @Test func callsOfTheOtherVersionAreNotSent() {
        var session = OCPPSession(version: .v201, bootState: .accepted)
        let actions = session.enqueue(CommandRequest(messageId: "r1", call: .v16(.clearCache(V16.ClearCacheRequest()))), at: .now)
        guard case .deliver(_, _, .notSent)? = actions.first else {
            Issue.record("expected notSent, got \(actions)")
            return
        }
        #expect(session.inFlightMessageId == nil)
    }
}
