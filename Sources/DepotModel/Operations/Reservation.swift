public import Foundation

/// A bay (or one connector) held for one vehicle during a time window.
public struct Reservation: Hashable, Codable, Sendable, Identifiable {
    public let id: ReservationID
    public let tenant: TenantID
    public let vehicle: VehicleID
    public let connector: ConnectorAddress
    public let window: Range<Date>
    public let status: ReservationStatus
    /// The timetable entry that created it, if any (explicit reservations have none).
    public let timetableEntry: TimetableEntryID?

    public init(
        id: ReservationID, tenant: TenantID, vehicle: VehicleID, connector: ConnectorAddress, window: Range<Date>,
        status: ReservationStatus = .scheduled, timetableEntry: TimetableEntryID? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.vehicle = vehicle
        self.connector = connector
        self.window = window
        self.status = status
        self.timetableEntry = timetableEntry
    }

    /// The same reservation in another status.
    public func with(status: ReservationStatus) -> Reservation {
        Reservation(id: id, tenant: tenant, vehicle: vehicle, connector: connector, window: window, status: status, timetableEntry: timetableEntry)
    }
}
