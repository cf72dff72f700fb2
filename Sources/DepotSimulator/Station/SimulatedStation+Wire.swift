import Foundation
import OCPP

/// Dispatch between the version-free core and the wire messages of each version.
extension SimulatedStation {
    /// The action and payload of a queued message in the station's version.
    func encode(_ message: StationMessage, at time: Date) -> (action: String, payload: JSONValue)? {
        do throws(OCPPError) {
            switch setup.version {
            case .v16:
                let call = encode16(message, at: time)
                return (call.action, try call.payload())
            case .v201:
                let call = encode201(message, at: time)
                return (call.action, try call.payload())
            }
        } catch {
            return nil
        }
    }

    /// Answers a CALL from the CSMS: the typed handler's CALLRESULT, or a CALLERROR when the
    /// action is unknown, not supported by a station, or its payload is invalid.
    mutating func answer(messageId: String, action: String, payload: JSONValue, at time: Date) -> OCPPFrame {
        do throws(OCPPError) {
            var used: DecodingQuirks = []
            let result: JSONValue
            switch setup.version {
            case .v16:
                guard let call = try V16.CSMSCall.decode(action: action, payload: payload, usedQuirks: &used) else {
                    throw OCPPError(V16.allActions.contains(action) ? .unsupportedAction : .unknownAction, "not supported by the station")
                }
                result = try handle16(call, at: time).payload()
            case .v201:
                guard let call = try V201.CSMSCall.decode(action: action, payload: payload, usedQuirks: &used) else {
                    throw OCPPError(V201.allActions.contains(action) ? .unsupportedAction : .unknownAction, "not supported by the station")
                }
                result = try handle201(call, at: time).payload()
            }
            return .callResult(messageId: messageId, payload: result)
        } catch {
            return .callError(answering: messageId, error: error, version: setup.version)
        }
    }

    /// Applies the CSMS's CALLRESULT to the message it answers.
    mutating func apply(result payload: JSONValue, to message: StationMessage, at time: Date) {
        let action = message.action(in: setup.version)
        var used: DecodingQuirks = []
        switch setup.version {
        case .v16:
            guard let result = try? V16.StationCallResult.decode(action: action, payload: payload, usedQuirks: &used) else { return }
            apply16(result, to: message, at: time)
        case .v201:
            guard let result = try? V201.StationCallResult.decode(action: action, payload: payload, usedQuirks: &used) else { return }
            apply201(result, to: message, at: time)
        }
    }

    /// A limit in kW as the rate unit asked for, rounded down to 0.1 (docs/ocpp.md §13.2).
    func rate(_ kilowatts: Double, inAmperes: Bool) -> Double {
        let value = inAmperes ? kilowatts * 1000 / (profiles.phaseVoltage * 3) : kilowatts * 1000
        return (value * 10).rounded(.down) / 10
    }
}
