import DepotSimulator
import Foundation
import OCPP

/// A scripted CSMS for the pure station: answers every station CALL like Busbar would, with a
/// boot answer chosen per attempt.
struct FakeCSMS {
    var bootAnswers: [String] = []
    var bootInterval = 300
    var transactionId = 42
    var rejectedTokens: Set<String> = []

    /// The CALLRESULT for a CALL the station sent.
    mutating func answer(_ frame: OCPPFrame, version: OCPPVersion, at time: Date) throws -> OCPPFrame {
        guard case .call(let messageId, let action, let payload) = frame else { throw FakeCSMSError.notACall }
        let call = try OCPPCodec.decodeCall(action: action, payload: payload, version: version)
        let status = action == "BootNotification" && !bootAnswers.isEmpty ? bootAnswers.removeFirst() : "Accepted"
        let result: IncomingCallResult
        switch call {
        case .v16(let call):
            switch call {
            case .bootNotification:
                result = .v16(.bootNotification(.init(status: .init(rawValue: status)!, currentTime: time, interval: bootInterval)))
            case .startTransaction(let request):
                let accepted = !rejectedTokens.contains(request.idTag)
                result = .v16(.startTransaction(.init(idTagInfo: .init(status: accepted ? .accepted : .invalid), transactionId: transactionId)))
            case .stopTransaction: result = .v16(.stopTransaction(.init()))
            case .meterValues: result = .v16(.meterValues(.init()))
            case .statusNotification: result = .v16(.statusNotification(.init()))
            case .heartbeat: result = .v16(.heartbeat(.init(currentTime: time)))
            default: throw FakeCSMSError.unexpected(action)
            }
        case .v201(let call):
            switch call {
            case .bootNotification:
                result = .v201(.bootNotification(.init(currentTime: time, interval: bootInterval, status: .init(rawValue: status)!)))
            case .transactionEvent(let request):
                let token = request.idToken?.idToken
                let info = token.map { V201.IdTokenInfo(status: rejectedTokens.contains($0) ? .invalid : .accepted) }
                result = .v201(.transactionEvent(.init(idTokenInfo: info)))
            case .statusNotification: result = .v201(.statusNotification(.init()))
            case .heartbeat: result = .v201(.heartbeat(.init(currentTime: time)))
            default: throw FakeCSMSError.unexpected(action)
            }
        }
        return .callResult(messageId: messageId, payload: try result.payload())
    }
}

/// Why the fake could not answer.
enum FakeCSMSError: Error {
    case notACall
    case unexpected(String)
}
