import DepotModel
import Foundation
import Storage
import Testing

/// The REST API's reservations and overrides survive a restart, and finished sessions are read
/// per tenant with the API's filters.
@Suite("API reservations and session history")
struct APIReservationStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func reservation(_ id: String, endsIn hours: Double, status: ReservationStatus = .scheduled) -> Reservation {
        Reservation(
            id: ReservationID(id), tenant: "hochbahn", vehicle: "hb-01", connector: ConnectorAddress(charger: "DEMO-A01", connector: 1),
            window: now..<now.addingTimeInterval(hours * 3600), status: status)
    }

    @Test func theMigrationIsNamedAsTheIssueAsks() {
        #expect(BusbarMigrations.all.last == "v7-api-reservations")
    }

    @Test func reservationsAreStoredUpdatedAndReadUntilTheyEnd() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        try await store.saveReservation(depot: "demo", Self.reservation("r1", endsIn: 4), at: Self.now)
        try await store.saveReservation(depot: "demo", Self.reservation("r2", endsIn: 1), at: Self.now)
        try await store.saveReservation(depot: "demo", Self.reservation("r1", endsIn: 4, status: .cancelled), at: Self.now)
        let later = try await store.reservations(depot: "demo", endingAfter: Self.now.addingTimeInterval(2 * 3600))
        #expect(later == [Self.reservation("r1", endsIn: 4, status: .cancelled)])
        #expect(try await store.reservations(depot: "other", endingAfter: Self.now).isEmpty)
    }

    @Test func anOverrideIsRecordedOnce() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        for _ in 0..<2 { try await store.recordReservationOverride(depot: "demo", reservation: "bay:e1", tenant: "hochbahn", at: Self.now) }
        #expect(try await store.reservationOverrides(depot: "demo") == ["bay:e1"])
        #expect(try await store.reservationOverrides(depot: "other").isEmpty)
    }

    @Test func finishedSessionsAreFilteredByTenantVehicleChargerAndTime() async throws {
        let store = BusbarStore(try BusbarDatabase.inMemory())
        let sessions: [(key: String, station: ChargerID, tenant: TenantID, vehicle: VehicleID, hoursAgo: Double, stopped: Bool)] = [
            ("t1", "DEMO-A01", "hochbahn", "hb-01", 10, true), ("t2", "DEMO-A02", "hochbahn", "hb-02", 5, true),
            ("t3", "DEMO-B01", "vhh", "vhh-01", 4, true), ("t4", "DEMO-A01", "hochbahn", "hb-01", 1, false),
        ]
        for session in sessions {
            let start = Self.now.addingTimeInterval(-session.hoursAgo * 3600)
            _ = try await store.recordTransactionStart(
                depot: "demo", station: session.station, key: .chosenByStation(session.key), connector: 1, idToken: "T", startedAt: start,
                meterStart: 10, receivedAt: start)
            try await store.attributeTransaction(station: session.station, key: session.key, vehicle: session.vehicle, tenant: session.tenant)
            if session.stopped {
                _ = try await store.recordTransactionStop(
                    station: session.station, transactionKey: session.key, stoppedAt: start + 1800, meterStop: 60, reason: "Local",
                    receivedAt: start + 1800, frame: "[]")
            }
        }
        func keys(_ query: SessionQuery) async throws -> [String] { try await store.finishedTransactions(depot: "demo", query).map(\.transactionKey) }
        #expect(try await keys(SessionQuery(tenant: "hochbahn")) == ["t2", "t1"])
        #expect(try await keys(SessionQuery(tenant: nil)) == ["t3", "t2", "t1"])
        #expect(try await keys(SessionQuery(tenant: "vhh", vehicle: "hb-01")) == [])
        #expect(try await keys(SessionQuery(tenant: "hochbahn", station: "DEMO-A01")) == ["t1"])
        #expect(try await keys(SessionQuery(tenant: nil, from: Self.now - 6 * 3600, until: Self.now)) == ["t3", "t2"])
        #expect(try await keys(SessionQuery(tenant: nil, limit: 1)) == ["t3"])
    }
}
