public import Foundation
public import VDV

/// One ProvideChargingInformation as the virtual presystem received it, with what its check found.
public struct ChargingReport: Equatable, Sendable {
    /// 1 for the first report of the run, counting across reconnections.
    public var number: Int
    /// The envelope's timeStamp, or the receipt time when the frame could not be read.
    public var at: Date
    /// The payload, nil when the frame did not decode.
    public var payload: VDV463.ProvideChargingInformationRequest?
    /// Every problem the check found: a frame that does not decode, a field the codecs do not know,
    /// a vehicle that is not the presystem's tenant's.
    public var problems: [String]
    /// The frame as received.
    public var text: String

    /// A checked report.
    public init(number: Int, at: Date, payload: VDV463.ProvideChargingInformationRequest?, problems: [String], text: String) {
        self.number = number
        self.at = at
        self.payload = payload
        self.problems = problems
        self.text = text
    }
}
