import Foundation

extension V16.SampledValue {
    /// The value as a number in kWh/kW (1.6 sends decimal text); nil for signed or unreadable data,
    /// which the adapter flags rather than refuses, so the station's message is still acknowledged.
    public var reading: MeterReading? {
        MeterReading(text: value, unit: unit?.rawValue, signed: format == .signedData)
    }
}

extension V16.TransactionDataSampledValue {
    /// The value as a number in kWh/kW; nil for signed or unreadable data.
    public var reading: MeterReading? {
        MeterReading(text: value, unit: unit?.rawValue, signed: format == .signedData)
    }
}
