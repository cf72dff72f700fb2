/// A typed string identifier: `Identifier<Charger>` and `Identifier<Vehicle>` are different types,
/// so a charger id cannot be passed where a vehicle id is meant.
///
/// Ids come from the depot configuration (operator-chosen strings such as `NORD-A01`) or from
/// protocols (OCPP station identities, VDV 463 charging request ids), hence strings.
public struct Identifier<Owner>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public typealias DepotID = Identifier<Depot>
public typealias CircuitID = Identifier<Circuit>
public typealias AreaID = Identifier<Area>
public typealias ChargerID = Identifier<Charger>
public typealias BayID = Identifier<Bay>
public typealias TenantID = Identifier<Tenant>
public typealias VehicleID = Identifier<Vehicle>
public typealias TimetableEntryID = Identifier<TimetableEntry>
public typealias ReservationID = Identifier<Reservation>
public typealias ChargingSessionID = Identifier<ChargingSession>
