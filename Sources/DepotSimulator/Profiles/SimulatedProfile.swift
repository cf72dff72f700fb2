public import Foundation

/// A charging profile as a station keeps it, free of wire types, so one composite-limit
/// calculation serves both OCPP versions.
public struct SimulatedProfile: Hashable, Sendable {
    /// The three purposes Busbar installs (docs/ocpp.md §13.1); stack levels compare only within one.
    public enum Purpose: Hashable, Sendable, CaseIterable {
        /// ChargePointMaxProfile (1.6) or ChargingStationMaxProfile (2.0.1): caps the whole station.
        case stationMax
        /// TxDefaultProfile: applies to any transaction without a TxProfile.
        case txDefault
        /// TxProfile: applies to one transaction.
        case tx
    }

    /// How the schedule is anchored in time.
    public enum Kind: Hashable, Sendable {
        /// From `startSchedule`.
        case absolute
        /// From the start of the transaction.
        case relative
        /// From `startSchedule`, repeated every `seconds`.
        case recurring(seconds: Int)
    }

    /// Whether limits are in watts or in amperes per phase.
    public enum RateUnit: Hashable, Sendable {
        case watts
        case amperes
    }

    /// One step of the schedule.
    public struct Period: Hashable, Sendable {
        /// Seconds from the schedule start.
        public var startPeriod: Int
        /// In the profile's unit.
        public var limit: Double
        /// Phases used for an ampere limit; nil means three.
        public var numberPhases: Int?

        /// A period from `startPeriod` seconds on.
        public init(startPeriod: Int, limit: Double, numberPhases: Int? = nil) {
            self.startPeriod = startPeriod
            self.limit = limit
            self.numberPhases = numberPhases
        }
    }

    /// chargingProfileId (1.6) or id (2.0.1).
    public var id: Int
    /// Which stack it belongs to.
    public var purpose: Purpose
    /// Precedence within its purpose; higher wins.
    public var stackLevel: Int
    /// Connector (1.6) or EVSE (2.0.1) id; 0 is the whole station.
    public var connectorId: Int
    /// The transaction a TxProfile belongs to, as text for both versions.
    public var transactionId: String?
    /// Not in force before this instant.
    public var validFrom: Date?
    /// Not in force from this instant on.
    public var validTo: Date?
    /// How the schedule is anchored.
    public var kind: Kind
    /// The anchor of absolute and recurring schedules; an absolute schedule without one starts
    /// when it was installed.
    public var startSchedule: Date?
    /// Seconds after which the schedule ends; nil means it holds its last period.
    public var duration: Int?
    /// The unit of every period limit.
    public var unit: RateUnit
    /// The steps, sorted by start.
    public var periods: [Period]

    /// A profile as a station stores it; `periods` are sorted here.
    public init(
        id: Int, purpose: Purpose, stackLevel: Int, connectorId: Int, transactionId: String? = nil, validFrom: Date? = nil,
        validTo: Date? = nil, kind: Kind = .absolute, startSchedule: Date?, duration: Int? = nil, unit: RateUnit, periods: [Period]
    ) {
        self.id = id
        self.purpose = purpose
        self.stackLevel = stackLevel
        self.connectorId = connectorId
        self.transactionId = transactionId
        self.validFrom = validFrom
        self.validTo = validTo
        self.kind = kind
        self.startSchedule = startSchedule
        self.duration = duration
        self.unit = unit
        self.periods = periods.sorted { $0.startPeriod < $1.startPeriod }
    }

    /// The instant the schedule counts from for a moment `time`, or nil when it has none.
    func scheduleStart(at time: Date, transactionStart: Date?) -> Date? {
        switch kind {
        case .absolute: return startSchedule
        case .relative: return transactionStart
        case .recurring(let seconds):
            guard let startSchedule, seconds > 0 else { return nil }
            let cycles = (time.timeIntervalSince(startSchedule) / Double(seconds)).rounded(.down)
            return startSchedule.addingTimeInterval(max(0, cycles) * Double(seconds))
        }
    }

    /// The period in force at `time`, or nil when the profile is not valid or its schedule has
    /// not started or has ended.
    func period(at time: Date, transactionStart: Date?) -> Period? {
        if let validFrom, time < validFrom { return nil }
        if let validTo, time >= validTo { return nil }
        guard let start = scheduleStart(at: time, transactionStart: transactionStart) else { return nil }
        let offset = time.timeIntervalSince(start)
        if offset < 0 { return nil }
        if let duration, offset >= Double(duration) { return nil }
        return periods.last { Double($0.startPeriod) <= offset }
    }

    /// The instants in `[from, to)` at which this profile's limit may change.
    func changeInstants(from: Date, to: Date, transactionStart: Date?) -> [Date] {
        var starts: [Date] = []
        switch kind {
        case .absolute, .relative:
            if let start = scheduleStart(at: from, transactionStart: transactionStart) { starts.append(start) }
        case .recurring(let seconds):
            var start = scheduleStart(at: from, transactionStart: transactionStart)
            while let current = start, current < to {
                starts.append(current)
                start = current.addingTimeInterval(Double(seconds))
            }
        }
        var instants = [validFrom, validTo].compactMap { $0 }
        for start in starts {
            instants += periods.map { start.addingTimeInterval(Double($0.startPeriod)) }
            if let duration { instants.append(start.addingTimeInterval(Double(duration))) }
        }
        return instants.filter { $0 > from && $0 < to }
    }
}
